package io.kalisocket.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Writes membership to Redis: which connections each node has, uid and group membership, sessions. A connection's
 * membership is written by the node holding it alone (changes asked on other nodes come to it, {@link OwnerRequests}):
 * first in the connection's record, by one atomic script that checks this node holds it (so nothing is ever recorded
 * for a connection that closed or moved), then in its user's or group's hash, each in its own slot.
 */
final class Membership {

    private static final int BATCH = 500;

    private final RedisLink redis;
    private final NodeChannels channels;
    private final Keys keys;
    private final String self;
    private final ObjectMapper json;
    private final UserIndex users;
    private final GroupIndex groups;
    private final EntityLists lists;
    private final ConnectionRecords records;

    Membership(RedisLink redis, NodeChannels channels, Keys keys, String self, ObjectMapper json) {
        this.records = new ConnectionRecords(redis, keys, self);
        this.users = new UserIndex(redis, channels, keys, self);
        this.groups = new GroupIndex(redis, keys, self);
        this.lists = new EntityLists(redis);
        this.redis = redis;
        this.channels = channels;
        this.keys = keys;
        this.self = self;
        this.json = json;
    }

    /** @return the users' hashes, each in its user's slot */
    UserIndex users() {
        return users;
    }

    /** @return the groups' hashes, each in its group's slot */
    GroupIndex groups() {
        return groups;
    }

    /** @return the connections' records, each in its client's slot, and the nodes' lists */
    ConnectionRecords records() {
        return records;
    }

    /** @return this node's id */
    String self() {
        return self;
    }

    /** @param clientIds connections of this node that are open */
    void register(Collection<String> clientIds) {
        if (!clientIds.isEmpty()) {
            redis.await("register connections", records.register(clientIds));
        }
    }

    /**
     * Forgets connections of a node, all their memberships, sessions and recovery streams (connections that moved to
     * another node meanwhile, their clients having returned there, are not the node's any more and stay).
     *
     * @param node the node they are on
     * @param clientIds the connections
     * @param onlyIfNodeDead stop (returning false) as soon as their node turns out to be alive
     * @return false when stopped because the node is alive
     */
    boolean drop(String node, Collection<String> clientIds, boolean onlyIfNodeDead) {
        List<String> ids = List.copyOf(clientIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            if (onlyIfNodeDead && redis.await("forget connections", redis.async().exists(keys.alive(node))) == 1L) {
                return false;
            }
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            // Out of their users' and groups' hashes first, then the records, then the node's list: each step in its
            // own slots, and one that fails leaves what the retry (the watcher's tick, the next purge) reads again.
            List<CompletableFuture<List<Object>>> held = batch.stream().map(id -> records.held(node, id)).toList();
            List<CompletableFuture<?>> writes = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                List<Object> record = redis.await("forget connections", held.get(i));
                if ((Long) record.get(0) == 1L) {
                    forgetMemberships(batch.get(i), record, writes);
                }
            }
            writes.forEach(w -> redis.await("forget connections", w));
            List<CompletableFuture<Long>> dropped = batch.stream().map(id -> records.drop(node, id)).toList();
            dropped.forEach(d -> redis.await("forget connections", d));
            redis.await("forget connections", records.unlist(node, batch));
        }
        return true;
    }

    /** @param done what {@code held.lua} answered: 1, uid or '', epoch, G, the G groups */
    private void forgetMemberships(String id, List<Object> done, List<CompletableFuture<?>> writes) {
        String uid = String.valueOf(done.get(1));
        long epoch = (Long) done.get(2);
        int groupCount = Math.toIntExact((Long) done.get(3));
        if (!uid.isEmpty()) {
            writes.add(users.remove(id, uid, epoch));
            writes.add(redis.async().hdel(keys.movedFrom("u:" + uid), id).toCompletableFuture());
        }
        for (Object g : done.subList(4, 4 + groupCount)) {
            writes.add(groups.remove(id, String.valueOf(g), epoch));
            writes.add(redis.async().hdel(keys.movedFrom("g:" + g), id).toCompletableFuture());
        }
        // a claim's mark whose old node never let go (its notice lost): it would ride on every stamp
        writes.add(redis.async().hdel(keys.movedFrom("a"), id).toCompletableFuture());
    }

    // The writes of a connection's membership, run by the node holding it (its one writer): each answers 1 when
    // written, 0 when the connection is not registered.

    CompletableFuture<Long> bind(String clientId, String uid) {
        return records.write(Script.BIND, clientId, uid).thenCompose(answer -> {
                    if ((Long) answer.get(0) == 0L) {
                        return CompletableFuture.completedFuture(0L);
                    }
                    String old = String.valueOf(answer.get(1));
                    long epoch = (Long) answer.get(2);
                    CompletableFuture<Void> added = users.add(clientId, uid, self, epoch);
                    CompletableFuture<Void> left = old.isEmpty() || old.equals(uid)
                            ? CompletableFuture.completedFuture(null) : users.remove(clientId, old, epoch);
                    return CompletableFuture.allOf(added, left).thenApply(done -> 1L);
                });
    }

    CompletableFuture<Long> unbind(String clientId, String uid) {
        return write(Script.UNBIND, clientId, uid, epoch -> users.remove(clientId, uid, epoch));
    }

    CompletableFuture<Long> join(String clientId, String group) {
        return write(Script.JOIN, clientId, group, epoch -> groups.add(clientId, group, epoch));
    }

    CompletableFuture<Long> leave(String clientId, String group) {
        return write(Script.LEAVE, clientId, group, epoch -> groups.remove(clientId, group, epoch));
    }

    /**
     * @param group dissolved everywhere
     * @param notice for the other nodes holding members
     * @return the number of those nodes, later, once they are told
     */
    CompletableFuture<Long> ungroup(String group, String notice) {
        return groups.dissolve(group).thenCompose(dissolved -> {
            List<CompletableFuture<?>> steps = new ArrayList<>();
            List<String> members = dissolved.members();
            members.forEach(id -> steps.add(records.leftDissolved(id, group))); // each in its slot, pipelined
            List<String> others = dissolved.holders().stream().filter(node -> !node.equals(self)).toList();
            others.forEach(node -> steps.add(channels.tell(node, notice)));
            return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
                    .thenCompose(done -> lists.emptied(keys.groups(), group, keys.group(group)))
                    .thenApply(done -> (long) others.size());
        });
    }

    /**
     * Writes a session of a connection this node holds, in one step with the check that it holds it (the record is
     * in the client's slot too; the close deletes both together).
     *
     * @param clientId the connection
     * @param replace replace the whole session, or merge
     * @param entries the entries; null values remove keys
     * @return the answer later: 1 when written, 0 when this node does not hold the connection
     */
    CompletableFuture<Long> session(String clientId, boolean replace, Map<String, ?> entries) {
        return writeSession(clientId, self, replace, entries);
    }

    /**
     * Writes a session of a parked connection this node holds, unchecked (its close, later, deletes it); in the
     * client's slot, so in order with what the node writes there next (its recovery stream's hash).
     *
     * @param clientId the connection
     * @param replace replace the whole session, or merge
     * @param entries the entries; null values remove keys
     * @return 1, later
     */
    CompletableFuture<Long> writeSession(String clientId, boolean replace, Map<String, ?> entries) {
        return writeSession(clientId, "", replace, entries);
    }

    private CompletableFuture<Long> writeSession(String clientId, String holder, boolean replace,
            Map<String, ?> entries) {
        List<String> args = new ArrayList<>(List.of(holder, replace ? "1" : "0"));
        entries.forEach((k, v) -> {
            args.add(k);
            args.add(v == null ? "-" : encode(v));
        });
        return redis.runOn(Script.WRITE_SESSION, ScriptOutputType.INTEGER,
                new String[] {keys.session(clientId), keys.client(clientId)}, args.toArray(String[]::new));
    }

    /** @param operation for errors @param write a write @return true when the connection was online */
    boolean await(String operation, CompletableFuture<Long> write) {
        return redis.await(operation, write) == 1L;
    }

    /**
     * A write of the connection's record, then of the entity's slot when the connection is registered here.
     *
     * @param script the record's step: answers {written (1) or not (0), the connection's epoch}
     * @param then the entity's step, given the epoch
     */
    private CompletableFuture<Long> write(Script script, String clientId, String arg,
            Function<Long, CompletableFuture<Void>> then) {
        return records.write(script, clientId, arg)
                .thenCompose(answer -> (Long) answer.get(0) == 0L ? CompletableFuture.completedFuture(0L)
                        : then.apply((Long) answer.get(1)).thenApply(done -> 1L));
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("session value cannot be encoded as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
