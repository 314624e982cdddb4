package io.kalisocket.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Listens to every node channel of one key prefix, as an outsider, and counts what each receives. */
final class ChannelObserver implements AutoCloseable {

    private final RedisClient client = RedisClient.create(RedisForTests.URI);
    private final StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final String prefix;

    ChannelObserver(String prefix) {
        this.prefix = prefix;
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                counts.computeIfAbsent(channel.substring(prefix.length() + "ch:".length()), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        });
        connection.sync().psubscribe(prefix + "ch:*");
    }

    /** @param node a node id, or {@code all} @return the messages its channel received */
    int received(String node) {
        AtomicInteger n = counts.get(node);
        return n == null ? 0 : n.get();
    }

    /** @return messages received on all channels */
    int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
