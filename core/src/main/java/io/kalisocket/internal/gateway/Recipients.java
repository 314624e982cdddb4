package io.kalisocket.internal.gateway;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who gets a message: the recipient lists of the gateway's sends, each connection once. */
final class Recipients {

    private Recipients() {
    }

    /**
     * @param connections this node's connections
     * @param clientIds client ids, possibly repeated or unknown
     * @return the open connections among them, each once, in the given order
     */
    static Collection<ChannelConnection> byIds(ConnectionRegistry connections, Collection<String> clientIds) {
        Map<String, ChannelConnection> targets = new LinkedHashMap<>();
        for (String id : clientIds) {
            connections.find(id).ifPresent(c -> targets.put(id, c));
        }
        return targets.values();
    }

    /**
     * @param members the candidates (a live view is fine: it is read once)
     * @param excludeClientIds who must not get the message
     * @return the candidates, less the excluded; {@code members} itself when nobody is excluded
     */
    static Collection<ChannelConnection> excluding(Collection<ChannelConnection> members, String... excludeClientIds) {
        if (excludeClientIds.length == 0) {
            return members;
        }
        Set<String> excluded = asSet(excludeClientIds);
        List<ChannelConnection> targets = new ArrayList<>(members.size());
        for (ChannelConnection c : members) {
            if (!excluded.contains(c.id())) {
                targets.add(c);
            }
        }
        return targets;
    }

    /**
     * @param index users or groups
     * @param keys uids or group names
     * @param excludeClientIds who must not get the message
     * @return the members of every key, each connection once, less the excluded
     */
    static Collection<ChannelConnection> union(MemberIndex index, Collection<String> keys, String... excludeClientIds) {
        Set<String> excluded = asSet(excludeClientIds);
        Map<String, ChannelConnection> targets = new LinkedHashMap<>();
        for (String key : keys) {
            for (ChannelConnection c : index.members(key)) {
                if (!excluded.contains(c.id())) {
                    targets.putIfAbsent(c.id(), c);
                }
            }
        }
        return targets.values();
    }

    private static Set<String> asSet(String... clientIds) {
        Set<String> set = new HashSet<>(Arrays.asList(clientIds));
        set.remove(null);
        return set;
    }
}
