package io.kalisocket.cluster;

/** Which Redis a cluster test runs on: the machine's one Redis, or a Redis Cluster of the test run's own. */
enum RedisKind {
    /** The machine's Redis on 127.0.0.1:6379 ({@link RedisForTests}). */
    SINGLE,
    /** A {@link LocalRedisCluster}: 3 primaries and 3 replicas, started once for the run. */
    CLUSTER
}
