package io.kalisocket.cluster;

/**
 * Thrown by a cluster operation that needs Redis while Redis cannot be reached. It is thrown at once
 * (commands are not queued while disconnected), so an action never hangs on it; nothing was sent or
 * changed. The node reconnects by itself and re-announces its connections.
 */
public final class ClusterUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param operation what was attempted @param redis which Redis @param cause the client's error */
    public ClusterUnavailableException(String operation, String redis, Throwable cause) {
        super("cluster " + operation + " failed: Redis at " + redis + " is unreachable ("
                + cause.getMessage() + ")", cause);
    }
}
