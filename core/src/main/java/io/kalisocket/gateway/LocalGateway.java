package io.kalisocket.gateway;

import io.kalisocket.connection.ChannelConnection;
import io.kalisocket.connection.ConnectionRegistry;
import io.kalisocket.connection.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-node {@link Gateway}: membership in memory with O(1) lookups, sends through the
 * {@link ConnectionRegistry} (one encoding and one flush per event loop for many recipients).
 */
public final class LocalGateway implements Gateway {

    private static final int MAX_NAME = 64;

    private final ConnectionRegistry connections;
    private final Map<String, Set<String>> clientsByUid = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> clientsByGroup = new ConcurrentHashMap<>();

    /** @param connections this node's open connections */
    public LocalGateway(ConnectionRegistry connections) {
        this.connections = connections;
    }

    /**
     * Forgets a closed connection: it leaves every group (empty groups disappear) and is unbound.
     *
     * @param connection the connection that closed
     */
    public void forget(ChannelConnection connection) {
        for (String group : List.copyOf(connection.groupsIfAny())) {
            removeMember(clientsByGroup, group, connection.id());
        }
        connection.uid().ifPresent(uid -> removeMember(clientsByUid, uid, connection.id()));
    }

    // ---- send ----

    @Override
    public int sendToClient(String clientId, Object message) {
        return connections.find(clientId).map(c -> c.send(message) ? 1 : 0).orElse(0);
    }

    @Override
    public int sendToClients(Collection<String> clientIds, Object message) {
        return connections.broadcast(resolve(clientIds, Set.of()), message);
    }

    @Override
    public int sendToUid(String uid, Object message) {
        return sendToClients(clientsByUid.getOrDefault(uid, Set.of()), message);
    }

    @Override
    public int sendToUids(Collection<String> uids, Object message) {
        Set<String> ids = new LinkedHashSet<>();
        uids.forEach(uid -> ids.addAll(clientsByUid.getOrDefault(uid, Set.of())));
        return sendToClients(ids, message);
    }

    @Override
    public int sendToGroup(String group, Object message, String... excludeClientIds) {
        return connections.broadcast(resolve(clientsByGroup.getOrDefault(group, Set.of()), Set.of(excludeClientIds)),
                message);
    }

    @Override
    public int sendToGroups(Collection<String> groups, Object message, String... excludeClientIds) {
        Set<String> ids = new LinkedHashSet<>();
        groups.forEach(g -> ids.addAll(clientsByGroup.getOrDefault(g, Set.of())));
        return connections.broadcast(resolve(ids, Set.of(excludeClientIds)), message);
    }

    @Override
    public int sendToAll(Object message, String... excludeClientIds) {
        Set<String> excluded = Set.of(excludeClientIds);
        List<ChannelConnection> targets = new ArrayList<>(connections.count());
        for (ChannelConnection c : connections.all()) {
            if (!excluded.contains(c.id())) {
                targets.add(c);
            }
        }
        return connections.broadcast(targets, message);
    }

    private List<ChannelConnection> resolve(Collection<String> ids, Set<String> excluded) {
        List<ChannelConnection> targets = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (!excluded.contains(id)) {
                connections.find(id).ifPresent(targets::add);
            }
        }
        return targets;
    }

    // ---- connections ----

    @Override
    public boolean isOnline(String clientId) {
        return connections.find(clientId).map(ChannelConnection::isOpen).orElse(false);
    }

    @Override
    public void closeClient(String clientId) {
        connections.find(clientId).ifPresent(c -> c.close(1000, "closed by server"));
    }

    @Override
    public void closeClient(String clientId, Object message) {
        connections.find(clientId).ifPresent(c -> {
            c.send(message);
            c.close(1000, "closed by server");
        });
    }

    @Override
    public List<String> getAllClientIdList() {
        return connections.all().stream().map(ChannelConnection::id).toList();
    }

    @Override
    public int getAllClientIdCount() {
        return connections.count();
    }

    @Override
    public Map<String, Map<String, Object>> getAllClientSessions() {
        return sessionsOf(getAllClientIdList());
    }

    // ---- users ----

    @Override
    public void bindUid(String clientId, String uid) {
        checkName(uid, "uid");
        connections.find(clientId).ifPresent(c -> {
            synchronized (c) {
                c.uid().filter(old -> !old.equals(uid)).ifPresent(old -> removeMember(clientsByUid, old, clientId));
                c.uid(uid);
                addMember(clientsByUid, uid, clientId);
            }
            if (!c.isOpen()) {
                forget(c);
            }
        });
    }

    @Override
    public void unbindUid(String clientId, String uid) {
        connections.find(clientId).ifPresent(c -> {
            synchronized (c) {
                if (c.uid().filter(uid::equals).isPresent()) {
                    c.uid(null);
                    removeMember(clientsByUid, uid, clientId);
                }
            }
        });
    }

    @Override
    public boolean isUidOnline(String uid) {
        return clientsByUid.containsKey(uid);
    }

    @Override
    public List<String> getClientIdByUid(String uid) {
        return List.copyOf(clientsByUid.getOrDefault(uid, Set.of()));
    }

    @Override
    public Optional<String> getUidByClientId(String clientId) {
        return connections.find(clientId).flatMap(ChannelConnection::uid);
    }

    @Override
    public Set<String> getAllUidList() {
        return new TreeSet<>(clientsByUid.keySet());
    }

    @Override
    public int getAllUidCount() {
        return clientsByUid.size();
    }

    // ---- groups ----

    @Override
    public void joinGroup(String clientId, String group) {
        checkName(group, "group");
        connections.find(clientId).ifPresent(c -> {
            c.groups().add(group);
            addMember(clientsByGroup, group, clientId);
            if (!c.isOpen()) {
                forget(c); // closed while joining: undo, so no member outlives its connection
            }
        });
    }

    @Override
    public void leaveGroup(String clientId, String group) {
        connections.find(clientId).ifPresent(c -> c.groups().remove(group));
        removeMember(clientsByGroup, group, clientId);
    }

    @Override
    public void ungroup(String group) {
        Set<String> members = clientsByGroup.remove(group);
        if (members != null) {
            members.forEach(id -> connections.find(id).ifPresent(c -> c.groups().remove(group)));
        }
    }

    @Override
    public List<String> getClientIdListByGroup(String group) {
        return List.copyOf(clientsByGroup.getOrDefault(group, Set.of()));
    }

    @Override
    public int getClientIdCountByGroup(String group) {
        return clientsByGroup.getOrDefault(group, Set.of()).size();
    }

    @Override
    public Map<String, Map<String, Object>> getClientSessionsByGroup(String group) {
        return sessionsOf(getClientIdListByGroup(group));
    }

    @Override
    public Set<String> getUidListByGroup(String group) {
        Set<String> uids = new TreeSet<>();
        for (String id : clientsByGroup.getOrDefault(group, Set.of())) {
            getUidByClientId(id).ifPresent(uids::add);
        }
        return uids;
    }

    @Override
    public int getUidCountByGroup(String group) {
        return getUidListByGroup(group).size();
    }

    @Override
    public Set<String> getAllGroupIdList() {
        return new TreeSet<>(clientsByGroup.keySet());
    }

    @Override
    public Map<String, List<String>> getAllGroupClientIdList() {
        Map<String, List<String>> all = new HashMap<>();
        clientsByGroup.forEach((g, ids) -> all.put(g, List.copyOf(ids)));
        return all;
    }

    @Override
    public Map<String, Integer> getAllGroupClientIdCount() {
        Map<String, Integer> all = new HashMap<>();
        clientsByGroup.forEach((g, ids) -> all.put(g, ids.size()));
        return all;
    }

    @Override
    public Map<String, Set<String>> getAllGroupUidList() {
        Map<String, Set<String>> all = new HashMap<>();
        clientsByGroup.keySet().forEach(g -> all.put(g, getUidListByGroup(g)));
        return all;
    }

    @Override
    public Map<String, Integer> getAllGroupUidCount() {
        Map<String, Integer> all = new HashMap<>();
        clientsByGroup.keySet().forEach(g -> all.put(g, getUidCountByGroup(g)));
        return all;
    }

    // ---- sessions ----

    @Override
    public void setSession(String clientId, Map<String, ?> session) {
        connections.find(clientId).ifPresent(c -> c.session().replace(session));
    }

    @Override
    public void updateSession(String clientId, Map<String, ?> entries) {
        connections.find(clientId).ifPresent(c -> c.session().putAll(entries));
    }

    @Override
    public Optional<Map<String, Object>> getSession(String clientId) {
        return connections.find(clientId).map(c -> c.existingSession().map(Session::snapshot).orElse(Map.of()));
    }

    private Map<String, Map<String, Object>> sessionsOf(Collection<String> ids) {
        Map<String, Map<String, Object>> sessions = new LinkedHashMap<>();
        ids.forEach(id -> getSession(id).ifPresent(s -> sessions.put(id, s)));
        return sessions;
    }

    private static void addMember(Map<String, Set<String>> index, String key, String clientId) {
        index.compute(key, (k, members) -> {
            Set<String> set = members != null ? members : ConcurrentHashMap.newKeySet();
            set.add(clientId);
            return set;
        });
    }

    private static void removeMember(Map<String, Set<String>> index, String key, String clientId) {
        index.computeIfPresent(key, (k, members) -> {
            members.remove(clientId);
            return members.isEmpty() ? null : members;
        });
    }

    static void checkName(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_NAME + " characters");
        }
    }
}
