package io.kalisocket.bench.server;

import java.net.URI;
import java.util.Optional;

/**
 * The flags of the {@code server} sub-command after its kind.
 *
 * @param port      {@code --port}: loopback port, 0 (default) for any free one
 * @param redis     {@code --redis URI}: join a cluster on this Redis (KaliSocket only); default: one node,
 *                  local gateway
 * @param nodeId    {@code --node-id}: the node's id (1-16 of {@code [a-z0-9]}); default: random
 * @param keyPrefix {@code --key-prefix}: prefix of the cluster's Redis keys, so that runs never see each
 *                  other's keys; default {@code ks:}
 * @param recovery  {@code --recovery}: turn connection recovery on (clients still opt in with
 *                  {@code ?recover=1}); default off
 */
public record ServerFlags(int port, Optional<URI> redis, Optional<String> nodeId, String keyPrefix, boolean recovery) {

    /** Flags of a plain one-node server on any free port. */
    public static final ServerFlags DEFAULT = new ServerFlags(0, Optional.empty(), Optional.empty(), "ks:", false);

    /**
     * Parses {@code [--port P] [--redis URI] [--node-id ID] [--key-prefix P] [--recovery]}.
     *
     * @param args the flags
     * @return the flags
     * @throws IllegalArgumentException on an unknown flag
     */
    public static ServerFlags parse(String... args) {
        int port = 0;
        Optional<URI> redis = Optional.empty();
        Optional<String> nodeId = Optional.empty();
        String keyPrefix = DEFAULT.keyPrefix();
        boolean recovery = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--recovery")) {
                recovery = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            String v = args[++i];
            switch (args[i - 1]) {
                case "--port" -> port = Integer.parseInt(v);
                case "--redis" -> redis = Optional.of(URI.create(v));
                case "--node-id" -> nodeId = Optional.of(v);
                case "--key-prefix" -> keyPrefix = v;
                default -> throw new IllegalArgumentException("unknown server flag " + args[i - 1]);
            }
        }
        return new ServerFlags(port, redis, nodeId, keyPrefix, recovery);
    }
}
