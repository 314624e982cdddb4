package io.kalisocket.cluster;

import java.time.Duration;

/**
 * Thrown by a cluster operation that needs Redis while Redis cannot be reached, or cannot serve it for now (a Redis
 * Cluster failing over answers {@code CLUSTERDOWN}, a Redis loading its data {@code LOADING}). It is thrown at once
 * (commands are not queued while disconnected), so an action never hangs on it; nothing was sent or
 * changed. The node reconnects by itself and re-announces its connections. Also thrown, after the command timeout,
 * by a membership change of another node's connection when that node does not answer (it is the connection's one
 * writer): the change may still be applied there.
 */
public final class ClusterUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param operation what was attempted @param redis which Redis @param cause the client's error */
    public ClusterUnavailableException(String operation, String redis, Throwable cause) {
        super("cluster " + operation + " failed: Redis at " + redis + " is unreachable ("
                + cause.getMessage() + ")", cause);
    }

    private ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param operation what was attempted
     * @param redis which Redis
     * @param cause Redis's answer, e.g. {@code CLUSTERDOWN The cluster is down}
     * @return the exception for a Redis that is there but cannot serve for now
     */
    static ClusterUnavailableException cannotServe(String operation, String redis, Throwable cause) {
        return new ClusterUnavailableException("cluster " + operation + " failed: Redis at " + redis
                + " cannot serve it for now (" + cause.getMessage() + ")", cause);
    }

    /**
     * @param operation what was asked
     * @param node the node holding the connection, which did not answer
     * @param waited how long it was waited for
     * @return the exception
     */
    static ClusterUnavailableException nodeSilent(String operation, String node, Duration waited) {
        return new ClusterUnavailableException("cluster " + operation + " failed: node " + node + ", which holds the"
                + " connection, did not answer within " + waited.toMillis() + " ms (it may still apply it)", null);
    }
}
