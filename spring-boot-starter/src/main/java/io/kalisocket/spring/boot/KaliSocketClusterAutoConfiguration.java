package io.kalisocket.spring.boot;

import io.kalisocket.cache.Cache;
import io.kalisocket.cluster.Cluster;
import io.kalisocket.cluster.ClusterConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * With {@code kalisocket-cluster} on the classpath and {@code kalisocket.cluster.redis} set, the node joins the
 * cluster when the server starts: the {@code Gateway} bean reaches every node's clients, the {@code Cache} bean is
 * the cluster's (Redis), and the {@code cluster_link} status section and the health details show the Redis link.
 */
@AutoConfiguration(before = KaliSocketAutoConfiguration.class)
@ConditionalOnClass(Cluster.class)
@ConditionalOnProperty(prefix = "kalisocket.cluster", name = "redis")
public class KaliSocketClusterAutoConfiguration {

    /** The name of the section with the Redis link (the cluster itself adds {@code cluster}). */
    static final String SECTION = "cluster_link";

    /**
     * @param environment holds {@code kalisocket.cluster.redis} and {@code kalisocket.cluster.key-prefix}
     * @return the membership, joined when the server starts
     */
    @Bean
    ClusterMembership kalisocketClusterMembership(Environment environment) {
        ClusterConfig config = ClusterConfig.of(environment.getRequiredProperty(
                SpringKaliConfig.PREFIX + StarterKeys.CLUSTER_REDIS));
        String prefix = environment.getProperty(SpringKaliConfig.PREFIX + StarterKeys.CLUSTER_KEY_PREFIX);
        return new ClusterMembership(prefix == null ? config : config.withKeyPrefix(prefix));
    }

    /**
     * @param membership the membership
     * @return the cluster's cache, usable once the server started
     */
    @Bean
    public Cache kalisocketClusterCache(ClusterMembership membership) {
        return LazyBeans.of(Cache.class, membership::cache);
    }

    /**
     * @param membership the membership
     * @return the {@code cluster_link} section: Redis, whether it answers
     */
    @Bean
    public KaliSocketStatusSection kalisocketClusterStatus(ClusterMembership membership) {
        return new KaliSocketStatusSection(SECTION, membership::link);
    }
}
