package io.kalisocket.config;

/**
 * Gateway mode: actions run when a client connects and when it leaves, as in GatewayWorker.
 *
 * @param enabled run the connect and close actions; default false
 * @param connectController controller run on connect when the query string names none; default {@code index}
 * @param connectAction action run on connect when the query string names none; default {@code online}
 * @param closeAction action run on close, on the controller that handled the connect; default {@code offline}
 */
public record GatewayModeConfig(
        boolean enabled,
        String connectController,
        String connectAction,
        String closeAction) {

    /** The defaults documented on each component. */
    public static GatewayModeConfig defaults() {
        return new GatewayModeConfig(false, "index", "online", "offline");
    }
}
