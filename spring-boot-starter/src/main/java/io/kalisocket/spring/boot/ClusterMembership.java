package io.kalisocket.spring.boot;

import io.kalisocket.KaliServer;
import io.kalisocket.cache.Cache;
import io.kalisocket.cluster.Cluster;
import io.kalisocket.cluster.ClusterConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;

/**
 * Joins the cluster when the server is about to bind, and leaves it when the context is destroyed, which Spring
 * does after the server stopped (lifecycle stop comes before bean destruction).
 */
final class ClusterMembership implements KaliServerCustomizer, DisposableBean {

    /** A key no one writes: reading it is the health check's round trip to Redis. */
    private static final String PROBE_KEY = "kalisocket:health-probe";

    private final ClusterConfig config;
    private final AtomicReference<Cluster> cluster = new AtomicReference<>();

    ClusterMembership(ClusterConfig config) {
        this.config = config;
    }

    @Override
    public void customize(KaliServer server) {
        Cluster joined = Cluster.join(server, config);
        Cluster previous = cluster.getAndSet(joined);
        if (previous != null) {
            previous.close(); // a restarted context: the old membership is over
        }
    }

    /** @return the cluster's cache @throws IllegalStateException before the node joined */
    Cache cache() {
        Cluster joined = cluster.get();
        if (joined == null) {
            throw new IllegalStateException("the cluster's cache exists once the KaliSocket server has started");
        }
        return joined.cache();
    }

    /** @return where Redis is and whether it answers now */
    Map<String, Object> link() {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("redis", config.redisUri().getHost() + ":" + config.redisUri().getPort());
        link.put("key_prefix", config.keyPrefix());
        Cluster joined = cluster.get();
        if (joined == null) {
            link.put("joined", false);
            return link;
        }
        link.put("joined", true);
        try {
            joined.cache().has(PROBE_KEY);
            link.put("redis_up", true);
        } catch (RuntimeException e) {
            link.put("redis_up", false);
            link.put("error", String.valueOf(e.getMessage()));
        }
        return link;
    }

    @Override
    public void destroy() {
        Cluster joined = cluster.getAndSet(null);
        if (joined != null) {
            joined.close();
        }
    }
}
