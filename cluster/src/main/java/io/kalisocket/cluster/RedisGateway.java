package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster's {@link Gateway}: every operation gives the same answer on every node. Sends are routed
 * only to the nodes that hold recipients ({@link SendRouter}); membership is written to Redis atomically, where
 * the connection is ({@link MembershipChanges}), and read back from it ({@link Directory}); this node's own connections are served by
 * the wrapped local gateway. Operations that need Redis while it is unreachable throw
 * {@link ClusterUnavailableException} at once and change nothing.
 *
 * <p>Made by {@link Cluster}; get it from {@code RunningServer.gateway()} or {@code Ctx.gateway()}.
 */
public final class RedisGateway implements Gateway {

    private final Gateway local;
    private final String nodeId;
    private final SendRouter router;
    private final MembershipChanges changes;
    private final Directory directory;
    private final Notice.Codec codec;
    private final ClusterStats stats;

    RedisGateway(Gateway local, String nodeId, SendRouter router, MembershipChanges changes, Directory directory,
            Notice.Codec codec, ClusterStats stats) {
        this.local = local;
        this.nodeId = nodeId;
        this.router = router;
        this.changes = changes;
        this.directory = directory;
        this.codec = codec;
        this.stats = stats;
    }

    /** @return this node's id */
    public String nodeId() {
        return nodeId;
    }

    /** @return this node's cluster counters */
    public ClusterStats stats() {
        return stats;
    }

    // ---- send ----

    @Override
    public int sendToClient(String clientId, Object message) {
        return router.toClient(clientId, message);
    }

    @Override
    public int sendToClients(Collection<String> clientIds, Object message) {
        return router.toClients(clientIds, message);
    }

    @Override
    public int sendToUid(String uid, Object message) {
        return router.toUids(List.of(uid), message);
    }

    @Override
    public int sendToUids(Collection<String> uids, Object message) {
        return router.toUids(uids, message);
    }

    @Override
    public int sendToGroup(String group, Object message, String... excludeClientIds) {
        return router.toGroups(List.of(group), message, excludeClientIds);
    }

    @Override
    public int sendToGroups(Collection<String> groups, Object message, String... excludeClientIds) {
        return router.toGroups(groups, message, excludeClientIds);
    }

    @Override
    public int sendToAll(Object message, String... excludeClientIds) {
        return router.toAll(message, excludeClientIds);
    }

    // ---- connections ----

    @Override
    public boolean isOnline(String clientId) {
        return directory.isOnline(clientId);
    }

    @Override
    public void closeClient(String clientId) {
        closeClient(clientId, null);
    }

    @Override
    public void closeClient(String clientId, Object message) {
        if (router.isLocal(clientId)) {
            if (message == null) {
                local.closeClient(clientId);
            } else {
                local.closeClient(clientId, message);
            }
            return;
        }
        String notice = codec.close(clientId, message == null ? null : codec.payload(message));
        router.toClientNotice(clientId, notice);
    }

    @Override
    public List<String> getAllClientIdList() {
        return directory.allClientIds();
    }

    @Override
    public int getAllClientIdCount() {
        return directory.allClientCount();
    }

    @Override
    public Map<String, Map<String, Object>> getAllClientSessions() {
        return directory.sessions(directory.allClientIds());
    }

    // ---- users ----

    @Override
    public void bindUid(String clientId, String uid) {
        changes.bind(clientId, uid);
    }

    @Override
    public void unbindUid(String clientId, String uid) {
        changes.unbind(clientId, uid);
    }

    @Override
    public boolean isUidOnline(String uid) {
        return directory.isUidOnline(uid);
    }

    @Override
    public List<String> getClientIdByUid(String uid) {
        return directory.clientIdsOfUid(uid);
    }

    @Override
    public Optional<String> getUidByClientId(String clientId) {
        return directory.uidOf(clientId);
    }

    @Override
    public Set<String> getAllUidList() {
        return directory.allUids();
    }

    @Override
    public int getAllUidCount() {
        return directory.allUidCount();
    }

    // ---- groups ----

    @Override
    public void joinGroup(String clientId, String group) {
        changes.join(clientId, group);
    }

    @Override
    public void leaveGroup(String clientId, String group) {
        changes.leave(clientId, group);
    }

    @Override
    public void ungroup(String group) {
        changes.ungroup(group);
    }

    @Override
    public List<String> getClientIdListByGroup(String group) {
        return directory.members(group);
    }

    @Override
    public int getClientIdCountByGroup(String group) {
        return directory.memberCount(group);
    }

    @Override
    public Map<String, Map<String, Object>> getClientSessionsByGroup(String group) {
        return directory.sessions(directory.members(group));
    }

    @Override
    public Set<String> getUidListByGroup(String group) {
        return directory.uidsOf(directory.members(group));
    }

    @Override
    public Set<String> getAllGroupIdList() {
        return directory.allGroups();
    }

    @Override
    public Map<String, List<String>> getAllGroupClientIdList() {
        return directory.allGroupMembers();
    }

    @Override
    public Map<String, Integer> getAllGroupClientIdCount() {
        return directory.allGroupCounts();
    }

    @Override
    public Map<String, Set<String>> getAllGroupUidList() {
        return directory.allGroupUids();
    }

    // ---- sessions ----

    @Override
    public void setSession(String clientId, Map<String, ?> session) {
        changes.session(clientId, true, session);
    }

    @Override
    public void updateSession(String clientId, Map<String, ?> entries) {
        changes.session(clientId, false, entries);
    }

    @Override
    public Optional<Map<String, Object>> getSession(String clientId) {
        return directory.session(clientId);
    }

}
