package io.kalisocket.internal.gateway;

import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The single-node {@link Gateway}. Users and groups are two {@link MemberIndex}es (O(1) lookups, holding
 * the connections so a send needs no lookup per recipient); every send to many goes through
 * {@link ConnectionRegistry#broadcast}: encoded once, one shared buffer, one flush per event loop.
 *
 * <p>A connection's own view (its uid, its groups) and the indexes change together under the
 * connection's lock, so concurrent joins, leaves and closes from any threads leave them consistent. A
 * closed connection stays in its groups until {@link #forget} runs, which the server does after the
 * connection's close action ({@code offline} of the connect actions), so that action can still reach its groups.
 * Reads return copies ({@link GatewaySnapshots}).
 */
public final class LocalGateway implements Gateway {

    private final ConnectionRegistry connections;
    private final MemberIndex users = new MemberIndex();
    private final MemberIndex groups = new MemberIndex();

    /** @param connections this node's open connections */
    public LocalGateway(ConnectionRegistry connections) {
        this.connections = connections;
    }

    /** @param added told arrivals on this node @param removed told departures (see ConnectionRegistry#listen) */
    public void listen(Consumer<ChannelConnection> added, Consumer<ChannelConnection> removed) {
        connections.listen(added, removed);
    }

    /**
     * Forgets a closed connection: it leaves every group (empty groups disappear) and its uid no longer
     * leads to it. The connection keeps its own uid, so later close callbacks can still read it. Idempotent.
     *
     * @param connection the connection that closed
     */
    public void forget(ChannelConnection connection) {
        synchronized (connection) {
            for (String group : connection.groupsIfAny()) {
                groups.remove(group, connection.id());
            }
            connection.uid().ifPresent(uid -> users.remove(uid, connection.id()));
        }
    }

    // ---- send ----

    @Override
    public int sendToClient(String clientId, Object message) {
        return connections.find(clientId).map(c -> c.send(message) ? 1 : 0).orElse(0);
    }

    @Override
    public int sendToClients(Collection<String> clientIds, Object message) {
        return connections.broadcast(Recipients.byIds(connections, clientIds), message);
    }

    @Override
    public int sendToUid(String uid, Object message) {
        return connections.broadcast(users.members(uid), message);
    }

    @Override
    public int sendToUids(Collection<String> uids, Object message) {
        return connections.broadcast(Recipients.union(users, uids), message);
    }

    @Override
    public int sendToGroup(String group, Object message, String... excludeClientIds) {
        return connections.broadcast(Recipients.excluding(groups.members(group), excludeClientIds), message);
    }

    @Override
    public int sendToGroups(Collection<String> groupNames, Object message, String... excludeClientIds) {
        return connections.broadcast(Recipients.union(groups, groupNames, excludeClientIds), message);
    }

    @Override
    public int sendToAll(Object message, String... excludeClientIds) {
        return connections.broadcast(Recipients.excluding(connections.all(), excludeClientIds), message);
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
        return GatewaySnapshots.sessionsOf(connections.all());
    }

    // ---- users ----

    @Override
    public void bindUid(String clientId, String uid) {
        Gateway.checkName(uid, "uid");
        connections.find(clientId).ifPresent(c -> {
            synchronized (c) {
                c.uid().filter(old -> !old.equals(uid)).ifPresent(old -> users.remove(old, clientId));
                c.uid(uid);
                users.add(uid, c);
            }
            if (!c.isOpen()) {
                forget(c); // closed meanwhile: no uid may lead to a dead connection
            }
        });
    }

    @Override
    public void unbindUid(String clientId, String uid) {
        connections.find(clientId).ifPresent(c -> {
            synchronized (c) {
                if (c.uid().filter(uid::equals).isPresent()) {
                    c.uid(null);
                    users.remove(uid, clientId);
                }
            }
        });
    }

    @Override
    public boolean isUidOnline(String uid) {
        return users.has(uid);
    }

    @Override
    public List<String> getClientIdByUid(String uid) {
        return users.ids(uid);
    }

    @Override
    public Optional<String> getUidByClientId(String clientId) {
        return connections.find(clientId).flatMap(ChannelConnection::uid);
    }

    @Override
    public Set<String> getAllUidList() {
        return new TreeSet<>(users.keys());
    }

    @Override
    public int getAllUidCount() {
        return users.size();
    }

    // ---- groups ----

    @Override
    public void joinGroup(String clientId, String group) {
        Gateway.checkName(group, "group");
        connections.find(clientId).ifPresent(c -> {
            synchronized (c) {
                c.join(group);
                groups.add(group, c);
            }
            if (!c.isOpen()) {
                forget(c); // closed meanwhile: no group may keep a dead connection
            }
        });
    }

    @Override
    public void leaveGroup(String clientId, String group) {
        Optional<ChannelConnection> connection = connections.find(clientId);
        if (connection.isEmpty()) {
            groups.remove(group, clientId); // closing: forget() does the rest
            return;
        }
        ChannelConnection c = connection.get();
        synchronized (c) {
            c.leave(group);
            groups.remove(group, clientId);
        }
    }

    @Override
    public void ungroup(String group) {
        for (String clientId : groups.ids(group)) {
            leaveGroup(clientId, group);
        }
    }

    @Override
    public List<String> getClientIdListByGroup(String group) {
        return groups.ids(group);
    }

    @Override
    public int getClientIdCountByGroup(String group) {
        return groups.count(group);
    }

    @Override
    public Map<String, Map<String, Object>> getClientSessionsByGroup(String group) {
        return GatewaySnapshots.sessionsOf(groups.members(group));
    }

    @Override
    public Set<String> getUidListByGroup(String group) {
        return GatewaySnapshots.uidsOf(groups.members(group));
    }

    @Override
    public Set<String> getAllGroupIdList() {
        return new TreeSet<>(groups.keys());
    }

    @Override
    public Map<String, List<String>> getAllGroupClientIdList() {
        return GatewaySnapshots.idsByKey(groups);
    }

    @Override
    public Map<String, Integer> getAllGroupClientIdCount() {
        return GatewaySnapshots.countsByKey(groups);
    }

    @Override
    public Map<String, Set<String>> getAllGroupUidList() {
        return GatewaySnapshots.uidsByKey(groups);
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
        return connections.find(clientId).map(GatewaySnapshots::sessionOf);
    }
}
