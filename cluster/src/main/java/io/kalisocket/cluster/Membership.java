package io.kalisocket.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Writes membership to Redis: which connections each node has, uid and group membership, sessions.
 * Every write is one atomic script that first checks the connection is registered (so nothing is ever
 * recorded for a connection that already closed) and names the node the connection lives on when that is another
 * one; the notice is published there as soon as the script answered, before the write completes.
 */
final class Membership {

    private static final int BATCH = 500;

    private final RedisLink redis;
    private final NodeChannels channels;
    private final Keys keys;
    private final String self;
    private final ObjectMapper json;

    Membership(RedisLink redis, NodeChannels channels, Keys keys, String self, ObjectMapper json) {
        this.redis = redis;
        this.channels = channels;
        this.keys = keys;
        this.self = self;
        this.json = json;
    }

    /** @return this node's id */
    String self() {
        return self;
    }

    /** @param clientIds connections of this node that are open */
    void register(Collection<String> clientIds) {
        if (!clientIds.isEmpty()) {
            redis.await("register connections", redis.async().sadd(keys.clients(self), clientIds.toArray(String[]::new)));
        }
    }

    /**
     * Forgets connections of a node, all their memberships, sessions and recovery streams (connections that moved to
     * another node meanwhile,
     * their clients having returned there, are not the node's any more and stay).
     *
     * @param node the node they are on
     * @param clientIds the connections
     * @param onlyIfNodeDead stop (returning false) as soon as their node turns out to be alive
     * @return false when stopped because the node is alive
     */
    boolean drop(String node, Collection<String> clientIds, boolean onlyIfNodeDead) {
        List<String> ids = List.copyOf(clientIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> args = new ArrayList<>();
            args.add(keys.prefix());
            args.add(onlyIfNodeDead ? "1" : "0");
            args.add(node);
            args.addAll(ids.subList(from, Math.min(ids.size(), from + BATCH)));
            List<Object> done = redis.await("forget connections", redis.<List<Object>>run(Script.DROP,
                    ScriptOutputType.MULTI, args.toArray(String[]::new)));
            if ((Long) done.get(0) < 0) {
                return false;
            }
            for (Object removed : done.subList(1, done.size())) { // in their own slots: after unregistering them
                String id = String.valueOf(removed);
                redis.async().del(keys.session(id));
                redis.async().del(keys.streamMeta(id), keys.stream(id));
            }
        }
        return true;
    }

    CompletableFuture<Long> bind(String clientId, String uid, String notice) {
        return write(Script.BIND, clientId, uid, notice);
    }

    CompletableFuture<Long> unbind(String clientId, String uid, String notice) {
        return write(Script.UNBIND, clientId, uid, notice);
    }

    CompletableFuture<Long> join(String clientId, String group, String notice) {
        return write(Script.JOIN, clientId, group, notice);
    }

    CompletableFuture<Long> leave(String clientId, String group, String notice) {
        return write(Script.LEAVE, clientId, group, notice);
    }

    /**
     * @param group dissolved everywhere
     * @param notice for the other nodes holding members
     * @return the number of those nodes, later, once they are told
     */
    CompletableFuture<Long> ungroup(String group, String notice) {
        return redis.<List<Object>>run(Script.UNGROUP, ScriptOutputType.MULTI, keys.prefix(), self, group)
                .thenCompose(holders -> CompletableFuture.allOf(holders.stream()
                        .map(node -> channels.tell(String.valueOf(node), notice)).toArray(CompletableFuture[]::new))
                        .thenApply(told -> (long) holders.size()));
    }

    /**
     * Writes a connection's session, in the client's own slot, once the membership says the connection is online:
     * asked first (and its node named, for the notice), then written, then asked again, and deleted when the
     * connection closed meanwhile (its close deletes the session after unregistering it, so one of the two always
     * sees the other).
     *
     * @param clientId the connection
     * @param replace replace the whole session, or merge
     * @param entries the entries; null values remove keys
     * @param notice for the owning node, or empty when it is this node
     * @return the answer later: 1 when written, 0 when the connection is not online
     */
    CompletableFuture<Long> session(String clientId, boolean replace, Map<String, ?> entries, String notice) {
        CompletableFuture<Long> online = told(redis.run(Script.SESSION, ScriptOutputType.MULTI, keys.prefix(), self,
                clientId, tell(notice)), notice);
        return online.thenCompose(registered -> registered == 0L ? online
                : writeSession(clientId, replace, entries)
                        .thenCompose(written -> redis.<Long>run(Script.ONLINE, ScriptOutputType.INTEGER, keys.prefix(),
                                clientId))
                        .thenCompose(still -> still == 1L ? online
                                : redis.async().del(keys.session(clientId)).toCompletableFuture().thenApply(d -> 0L)));
    }

    /**
     * Writes a session of a connection this node holds, without asking the membership (its close, later, deletes
     * it); in the client's slot, so in order with what the node writes there next (its recovery stream's hash).
     *
     * @param clientId the connection
     * @param replace replace the whole session, or merge
     * @param entries the entries; null values remove keys
     * @return 1, later
     */
    CompletableFuture<Long> writeSession(String clientId, boolean replace, Map<String, ?> entries) {
        List<String> args = new ArrayList<>(List.of(replace ? "1" : "0"));
        entries.forEach((k, v) -> {
            args.add(k);
            args.add(v == null ? "-" : encode(v));
        });
        return redis.runOn(Script.WRITE_SESSION, ScriptOutputType.INTEGER, new String[] {keys.session(clientId)},
                args.toArray(String[]::new));
    }

    /** @param operation for errors @param write a write @return true when the connection was online */
    boolean await(String operation, CompletableFuture<Long> write) {
        return redis.await(operation, write) == 1L;
    }

    private CompletableFuture<Long> write(Script script, String clientId, String arg, String notice) {
        return told(redis.run(script, ScriptOutputType.MULTI, keys.prefix(), self, clientId, arg, tell(notice)),
                notice);
    }

    /** @param notice a notice, or empty @return what the scripts take: '1' when there is one to publish, else '' */
    private static String tell(String notice) {
        return notice.isEmpty() ? "" : "1";
    }

    /**
     * @param answer a membership script's answer: its result, and the node to tell ('' for none)
     * @param notice what to tell it
     * @return the result, once the notice is published (in the script's answer order: one thread completes them)
     */
    private CompletableFuture<Long> told(CompletableFuture<List<Object>> answer, String notice) {
        return answer.thenCompose(a -> {
            Long result = (Long) a.get(0);
            String node = String.valueOf(a.get(1));
            return node.isEmpty() ? CompletableFuture.completedFuture(result)
                    : channels.tell(node, notice).thenApply(published -> result);
        });
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("session value cannot be encoded as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
