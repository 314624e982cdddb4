package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Answers the gateway's questions for the whole cluster from Redis, so every node gives the same answer.
 * What concerns a connection of this node (its uid, its session, whether it is open) is answered from
 * memory. Questions about many keys are pipelined: one round trip, not one per key.
 */
final class Directory {

    private final Gateway local;
    private final RedisLink redis;
    private final Keys keys;
    private final ObjectMapper json;
    private final ConnectionRecords records;

    Directory(Gateway local, RedisLink redis, Keys keys, ObjectMapper json, ConnectionRecords records) {
        this.records = records;
        this.local = local;
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    /** @return true when this node holds the connection, whatever node its id names (it may have moved here) */
    private boolean isLocal(String clientId) {
        return local.isOnline(clientId);
    }

    boolean isOnline(String clientId) {
        return isLocal(clientId) || redis.await("isOnline", online(clientId)) == 1L;
    }

    /** @return later, 1 when a node lists the connection (Redis knows where a client that returned elsewhere is) */
    private CompletableFuture<Long> online(String clientId) {
        return records.online(clientId);
    }

    // Cluster-wide: a sum or union over the node registry, one pipelined read per node, so that each node's list may
    // live in a slot of its own (docs/CLUSTER.md, sharding plan step 2b). Not one atomic read: a connection moving
    // between two nodes meanwhile may be counted on both or neither, for that moment.

    List<String> allClientIds() {
        return perNode("getAllClientIdList", node -> redis.async().smembers(keys.clients(node)).toCompletableFuture())
                .stream().flatMap(Set::stream).distinct().sorted().toList();
    }

    int allClientCount() {
        return perNode("getAllClientIdCount", node -> redis.async().scard(keys.clients(node)).toCompletableFuture())
                .stream().mapToInt(Math::toIntExact).sum();
    }

    private <T> List<T> perNode(String operation, Function<String, CompletableFuture<T>> read) {
        Set<String> nodes = redis.await(operation, redis.async().smembers(keys.nodes()));
        List<CompletableFuture<T>> reads = nodes.stream().map(read).toList();
        return reads.stream().map(r -> redis.await(operation, r)).toList();
    }

    Map<String, Map<String, Object>> sessions(Collection<String> clientIds) {
        Map<String, CompletableFuture<Map<String, String>>> remote = new LinkedHashMap<>();
        Map<String, Map<String, Object>> sessions = new LinkedHashMap<>();
        for (String id : clientIds) {
            if (isLocal(id)) {
                local.getSession(id).ifPresent(s -> sessions.put(id, s));
            } else {
                remote.put(id, redis.async().hgetall(keys.session(id)).toCompletableFuture());
            }
        }
        remote.forEach((id, f) -> sessions.put(id, decode(redis.await("read sessions", f))));
        return sessions;
    }

    Optional<Map<String, Object>> session(String clientId) {
        if (isLocal(clientId)) {
            return local.getSession(clientId);
        }
        CompletableFuture<Long> online = online(clientId);
        CompletableFuture<Map<String, String>> values = redis.async().hgetall(keys.session(clientId)).toCompletableFuture();
        return redis.await("getSession", online) == 1L ? Optional.of(decode(redis.await("getSession", values)))
                : Optional.empty();
    }

    boolean isUidOnline(String uid) {
        return redis.await("isUidOnline", redis.async().exists(keys.uid(uid))) == 1L;
    }

    List<String> clientIdsOfUid(String uid) {
        return sorted(redis.await("getClientIdByUid", redis.async().hkeys(keys.uid(uid))));
    }

    Optional<String> uidOf(String clientId) {
        if (isLocal(clientId)) {
            return local.getUidByClientId(clientId);
        }
        return Optional.ofNullable(redis.await("getUidByClientId", redis.async().hget(keys.client(clientId), "uid")));
    }

    Set<String> allUids() {
        return new TreeSet<>(redis.await("getAllUidList", redis.async().smembers(keys.uids())));
    }

    int allUidCount() {
        return Math.toIntExact(redis.await("getAllUidCount", redis.async().scard(keys.uids())));
    }

    List<String> members(String group) {
        return sorted(redis.await("getClientIdListByGroup", redis.async().hkeys(keys.group(group))));
    }

    int memberCount(String group) {
        return Math.toIntExact(redis.await("getClientIdCountByGroup", redis.async().hlen(keys.group(group))));
    }

    Set<String> uidsOf(Collection<String> clientIds) {
        return new TreeSet<>(uidsByClient(clientIds).values());
    }

    /** @return the uid of each bound connection among these (local ones from memory, the others in one pipeline) */
    private Map<String, String> uidsByClient(Collection<String> clientIds) {
        Map<String, String> uids = new HashMap<>();
        Map<String, CompletableFuture<String>> remote = new HashMap<>();
        for (String id : clientIds) {
            if (isLocal(id)) {
                local.getUidByClientId(id).ifPresent(uid -> uids.put(id, uid));
            } else {
                remote.put(id, redis.async().hget(keys.client(id), "uid").toCompletableFuture());
            }
        }
        remote.forEach((id, f) -> {
            String uid = redis.await("read uids", f);
            if (uid != null) {
                uids.put(id, uid);
            }
        });
        return uids;
    }

    Set<String> allGroups() {
        return new TreeSet<>(redis.await("getAllGroupIdList", redis.async().smembers(keys.groups())));
    }

    Map<String, List<String>> allGroupMembers() {
        return perGroup("getAllGroupClientIdList", g -> redis.async().hkeys(keys.group(g)).toCompletableFuture(),
                Directory::sorted);
    }

    Map<String, Integer> allGroupCounts() {
        return perGroup("getAllGroupClientIdCount", g -> redis.async().hlen(keys.group(g)).toCompletableFuture(),
                Math::toIntExact);
    }

    /** @return each group's users (a connection's uid read once, however many groups it is in) */
    Map<String, Set<String>> allGroupUids() {
        Map<String, List<String>> members = allGroupMembers();
        Set<String> everyMember = new HashSet<>();
        members.values().forEach(everyMember::addAll);
        Map<String, String> uidOf = uidsByClient(everyMember);
        Map<String, Set<String>> uids = new HashMap<>();
        members.forEach((g, ids) -> {
            Set<String> of = new TreeSet<>();
            ids.forEach(id -> {
                String uid = uidOf.get(id);
                if (uid != null) {
                    of.add(uid);
                }
            });
            uids.put(g, of);
        });
        return uids;
    }

    private <R, T> Map<String, T> perGroup(String operation, Function<String, CompletableFuture<R>> read,
            Function<R, T> convert) {
        Map<String, CompletableFuture<R>> pending = new HashMap<>();
        allGroups().forEach(g -> pending.put(g, read.apply(g)));
        Map<String, T> result = new HashMap<>();
        pending.forEach((g, f) -> result.put(g, convert.apply(redis.await(operation, f))));
        result.values().removeIf(v -> v instanceof Collection<?> c && c.isEmpty() || Integer.valueOf(0).equals(v));
        return result;
    }

    /** @param stored a session as Redis keeps it (values as JSON) @return the session */
    Map<String, Object> decode(Map<String, String> stored) {
        Map<String, Object> session = new HashMap<>();
        stored.forEach((k, v) -> {
            try {
                session.put(k, json.readValue(v, Object.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("session value of " + k + " is not JSON", e);
            }
        });
        return Map.copyOf(session);
    }

    private static List<String> sorted(Collection<String> ids) {
        return ids.stream().sorted().toList();
    }
}
