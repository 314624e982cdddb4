package io.kalisocket.internal.connection;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes client ids {@code <node>-<boot>-<counter>}: the node id, the node's start time in base 36 (so a
 * restarted node never repeats an id) and a counter in base 36. Short, URL-safe, never reused, and they
 * carry their node, so a cluster can route to it directly.
 */
public final class ClientIdGenerator {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String prefix;
    private final String nodeId;
    private final AtomicLong counter = new AtomicLong();

    /**
     * @param nodeId this node's id, {@code [a-z0-9]{1,16}}
     * @param bootMillis when this node started
     */
    public ClientIdGenerator(String nodeId, long bootMillis) {
        this.nodeId = nodeId;
        this.prefix = nodeId + "-" + Long.toString(bootMillis, 36) + "-";
    }

    /** @return a random node id of 6 characters, for nodes not given one */
    public static String randomNodeId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** @return this node's id */
    public String nodeId() {
        return nodeId;
    }

    /** @return a new, never used client id */
    public String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }

    /**
     * @param clientId a client id made by any node
     * @return the id of the node that made it
     */
    public static String nodeOf(String clientId) {
        int dash = clientId.indexOf('-');
        return dash < 0 ? "" : clientId.substring(0, dash);
    }
}
