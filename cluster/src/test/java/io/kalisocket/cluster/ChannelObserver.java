package io.kalisocket.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens, as an outsider, to the channels of some nodes and the shared one, and counts what each receives (on a
 * Redis Cluster through sharded subscriptions, where the nodes publish).
 */
final class ChannelObserver {

    private final Map<String, List<String>> heard = new LinkedHashMap<>();

    /**
     * @param redis the client that listens (its connections are closed with it)
     * @param keys the names of the nodes' channels
     * @param nodes the nodes whose channels to listen to; the shared channel is {@code all}
     */
    ChannelObserver(RedisView redis, Keys keys, String... nodes) {
        for (String node : nodes) {
            heard.put(node, redis.listen(keys.channel(node)));
        }
        heard.put("all", redis.listen(keys.channelAll()));
    }

    /** @param node a node id, or {@code all} @return the messages its channel received */
    int received(String node) {
        return heard.get(node).size();
    }

    /** @return messages received on all channels */
    int total() {
        return heard.values().stream().mapToInt(List::size).sum();
    }
}
