package io.kalisocket.spring.boot;

import java.util.Locale;

/**
 * The keys under {@code kalisocket.} that belong to the starter, not to KaliSocket's own configuration file:
 * {@code controllers} and the {@code cluster.*} section. They are read from Spring's environment and kept out of
 * the {@code ConfigLoader}, which would reject them as unknown.
 */
final class StarterKeys {

    /** Packages scanned for controllers besides the application's own (comma-separated). */
    static final String CONTROLLERS = "controllers";
    /** Where the cluster's Redis is; the node joins the cluster when set and kalisocket-cluster is present. */
    static final String CLUSTER_REDIS = "cluster.redis";
    /** The prefix of the cluster's Redis keys. */
    static final String CLUSTER_KEY_PREFIX = "cluster.key-prefix";

    private StarterKeys() {
    }

    /** @param key a key below {@code kalisocket.}, kebab-case @return true when the starter reads it itself */
    static boolean isStarterKey(String key) {
        return key.equals(CONTROLLERS) || key.startsWith(CONTROLLERS + "[") || key.startsWith("cluster.");
    }

    /**
     * @param variable an environment variable's name
     * @return true for {@code KALISOCKET_CONTROLLERS} and {@code KALISOCKET_CLUSTER_*}
     */
    static boolean isStarterVariable(String variable) {
        String name = variable.toUpperCase(Locale.ROOT);
        return name.equals("KALISOCKET_CONTROLLERS") || name.startsWith("KALISOCKET_CLUSTER_");
    }
}
