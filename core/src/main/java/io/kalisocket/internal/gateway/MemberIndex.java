package io.kalisocket.internal.gateway;

import io.kalisocket.internal.connection.ChannelConnection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys (uids or group names) to the open connections under them, by client id. Every lookup is O(1); a
 * key disappears with its last member. Holding the connections themselves (not only their ids) lets a
 * send walk the members without a registry lookup per recipient. Safe to use from any thread; each
 * key's updates are atomic.
 */
final class MemberIndex {

    private final Map<String, Map<String, ChannelConnection>> byKey = new ConcurrentHashMap<>();

    /** @param key a uid or group @param connection the member to add */
    void add(String key, ChannelConnection connection) {
        byKey.compute(key, (k, members) -> {
            Map<String, ChannelConnection> map = members != null ? members : new ConcurrentHashMap<>(4);
            map.put(connection.id(), connection);
            return map;
        });
    }

    /** @param key a uid or group @param clientId the member to remove; the key goes when it empties */
    void remove(String key, String clientId) {
        byKey.computeIfPresent(key, (k, members) -> {
            members.remove(clientId);
            return members.isEmpty() ? null : members;
        });
    }

    /** @param key a uid or group @return a live view of its members (empty when none) */
    Collection<ChannelConnection> members(String key) {
        Map<String, ChannelConnection> members = byKey.get(key);
        return members == null ? List.of() : members.values();
    }

    /** @param key a uid or group @return a copy of its members' client ids */
    List<String> ids(String key) {
        Map<String, ChannelConnection> members = byKey.get(key);
        return members == null ? List.of() : List.copyOf(members.keySet());
    }

    /** @param key a uid or group @return its number of members */
    int count(String key) {
        Map<String, ChannelConnection> members = byKey.get(key);
        return members == null ? 0 : members.size();
    }

    /** @param key a uid or group @param clientId a client id @return true when that connection is a member */
    boolean contains(String key, String clientId) {
        Map<String, ChannelConnection> members = byKey.get(key);
        return members != null && members.containsKey(clientId);
    }

    /** @param key a uid or group @return true when it has a member */
    boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** @return a live view of the keys that have members */
    Set<String> keys() {
        return byKey.keySet();
    }

    /** @return the number of keys that have members */
    int size() {
        return byKey.size();
    }
}
