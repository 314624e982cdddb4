package io.kalisocket.cluster;

import io.kalisocket.testing.RequiredService;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A cluster's Redis link on the machine's Redis, under a fresh key prefix, with a plain client beside it to look at
 * the keys: for tests of one index's scripts, without nodes.
 */
final class LinkOnRedis implements AutoCloseable {

    private final ClusterConfig config = ClusterConfig.of(RedisForTests.URI).withKeyPrefix(RedisForTests.freshPrefix());
    private final Keys keys = Keys.of(config);
    private final RedisLink link;
    private final RedisClient client;
    private final RedisCommands<String, String> redis;

    /** Connects; fails (under CI=true) or skips the test without Redis. */
    LinkOnRedis() {
        RequiredService.redis().require();
        link = new RedisLink(config, () -> { });
        client = RedisClient.create(RedisForTests.URI);
        redis = client.connect().sync();
    }

    Keys keys() {
        return keys;
    }

    RedisLink link() {
        return link;
    }

    /** @return a plain client, to look at the keys */
    RedisCommands<String, String> redis() {
        return redis;
    }

    @Override
    public void close() {
        redis.keys(config.keyPrefix() + "*").forEach(redis::del);
        link.close();
        client.shutdown();
    }
}
