package io.kalisocket.config;

/**
 * Connect actions (GatewayWorker's online/offline calls): an action runs when a client connects, with the
 * query string as its params, and another when it leaves. Config section {@code connect-actions}; its old name
 * {@code gateway} is still read, with a deprecation warning.
 *
 * @param enabled run the connect and close actions; default false
 * @param connectController controller run on connect when the query string names none; default {@code index}
 * @param connectAction action run on connect when the query string names none; default {@code online}
 * @param closeAction action run on close, on the controller that handled the connect; default {@code offline}
 */
public record ConnectActionsConfig(
        boolean enabled,
        String connectController,
        String connectAction,
        String closeAction) {

    /** @return the defaults documented on each component (off, {@code index}, {@code online}, {@code offline}) */
    public static ConnectActionsConfig defaults() {
        return new ConnectActionsConfig(false, "index", "online", "offline");
    }
}
