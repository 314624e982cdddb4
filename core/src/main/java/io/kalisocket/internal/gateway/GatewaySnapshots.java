package io.kalisocket.internal.gateway;

import io.kalisocket.connection.Session;
import io.kalisocket.internal.connection.ChannelConnection;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The copies {@link LocalGateway}'s reads hand out: never a live view of the indexes, names sorted, and groups that
 * emptied while being read left out, so the caller may keep or change what it gets.
 */
final class GatewaySnapshots {

    private GatewaySnapshots() {
    }

    /** @return a copy of the connection's session, empty when it never had one */
    static Map<String, Object> sessionOf(ChannelConnection c) {
        return c.existingSession().map(Session::snapshot).orElse(Map.of());
    }

    /** @return each member's session copy by client id, in the members' order */
    static Map<String, Map<String, Object>> sessionsOf(Collection<ChannelConnection> members) {
        Map<String, Map<String, Object>> sessions = new LinkedHashMap<>();
        for (ChannelConnection c : members) {
            sessions.put(c.id(), sessionOf(c));
        }
        return sessions;
    }

    /** @return the uids bound to the members, sorted */
    static Set<String> uidsOf(Collection<ChannelConnection> members) {
        Set<String> uids = new TreeSet<>();
        for (ChannelConnection c : members) {
            c.uid().ifPresent(uids::add);
        }
        return uids;
    }

    /** @return each key's client ids, keys sorted, empty ones left out */
    static Map<String, List<String>> idsByKey(MemberIndex index) {
        Map<String, List<String>> all = new TreeMap<>();
        index.keys().forEach(k -> all.put(k, index.ids(k)));
        all.values().removeIf(List::isEmpty);
        return all;
    }

    /** @return each key's number of members, keys sorted, empty ones left out */
    static Map<String, Integer> countsByKey(MemberIndex index) {
        Map<String, Integer> all = new TreeMap<>();
        index.keys().forEach(k -> all.put(k, index.count(k)));
        all.values().removeIf(n -> n == 0);
        return all;
    }

    /** @return each key's members' uids, keys sorted */
    static Map<String, Set<String>> uidsByKey(MemberIndex index) {
        Map<String, Set<String>> all = new TreeMap<>();
        index.keys().forEach(k -> all.put(k, uidsOf(index.members(k))));
        return all;
    }
}
