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
 * recorded for a connection that already closed) and, when the connection lives on another node, tells
 * that node in the same step.
 */
final class Membership {

    private static final int BATCH = 500;

    private final RedisLink redis;
    private final Keys keys;
    private final String self;
    private final ObjectMapper json;

    Membership(RedisLink redis, Keys keys, String self, ObjectMapper json) {
        this.redis = redis;
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
     * Forgets connections of a node and all their memberships (connections that moved to another node meanwhile,
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
            Long done = redis.await("forget connections", redis.<Long>run(Script.DROP, ScriptOutputType.INTEGER,
                    args.toArray(String[]::new)));
            if (done < 0) {
                return false;
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

    /** @param group dissolved everywhere @param notice for the nodes holding members @return the answer later */
    CompletableFuture<Long> ungroup(String group, String notice) {
        return redis.run(Script.UNGROUP, ScriptOutputType.INTEGER, keys.prefix(), self, group, notice);
    }

    /**
     * @param clientId the connection
     * @param replace replace the whole session, or merge
     * @param entries the entries; null values remove keys
     * @param notice for the owning node, or empty when it is this node
     * @return the answer later: 1 when written, 0 when the connection is not online
     */
    CompletableFuture<Long> session(String clientId, boolean replace, Map<String, ?> entries, String notice) {
        List<String> args = new ArrayList<>(List.of(keys.prefix(), self, clientId, replace ? "1" : "0", notice));
        entries.forEach((k, v) -> {
            args.add(k);
            args.add(v == null ? "-" : encode(v));
        });
        return redis.run(Script.SESSION, ScriptOutputType.INTEGER, args.toArray(String[]::new));
    }

    /** @param operation for errors @param write a write @return true when the connection was online */
    boolean await(String operation, CompletableFuture<Long> write) {
        return redis.await(operation, write) == 1L;
    }

    private CompletableFuture<Long> write(Script script, String clientId, String arg, String notice) {
        return redis.run(script, ScriptOutputType.INTEGER, keys.prefix(), self, clientId, arg, notice);
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("session value cannot be encoded as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
