package io.kalisocket.cluster;

import io.kalisocket.connection.ClientIdGenerator;
import io.kalisocket.gateway.LocalGateway;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Sends across the cluster. Local recipients get the message directly from this node; for the others,
 * one script looks up which nodes hold recipients and publishes one notice to each of them (to the shared
 * channel for {@code sendToAll}), in a single Redis round trip whatever the number of recipients.
 * A send to connections of this node only ({@code sendToClient} with a local id) never touches Redis.
 *
 * <p>Returned counts: local connections handed the message plus remote connections that Redis lists as
 * recipients (for several groups, their distinct remote members).
 */
final class Router {

    private final LocalGateway local;
    private final RedisLink redis;
    private final Keys keys;
    private final String self;
    private final Notice.Codec codec;

    Router(LocalGateway local, RedisLink redis, Keys keys, String self, Notice.Codec codec) {
        this.local = local;
        this.redis = redis;
        this.keys = keys;
        this.self = self;
        this.codec = codec;
    }

    boolean isLocal(String clientId) {
        return ClientIdGenerator.nodeOf(clientId).equals(self);
    }

    int toClient(String clientId, Object message) {
        if (isLocal(clientId)) {
            return local.sendToClient(clientId, message);
        }
        String notice = codec.delivery("c", List.of(clientId), List.of(), codec.payload(message));
        return count("sendToClient", redis.run(Script.TO_CLIENT, ScriptOutputType.INTEGER, keys.prefix(), clientId,
                notice));
    }

    /** @param clientId a connection of another node @param notice what its node must do @return 1 when online */
    int toClientNotice(String clientId, String notice) {
        return count("closeClient", redis.run(Script.TO_CLIENT, ScriptOutputType.INTEGER, keys.prefix(), clientId,
                notice));
    }

    int toClients(Collection<String> clientIds, Object message) {
        List<String> mine = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        for (String id : new LinkedHashSet<>(clientIds)) {
            (isLocal(id) ? mine : remote).add(id);
        }
        if (remote.isEmpty()) {
            return local.sendToClients(mine, message);
        }
        String payload = codec.payload(message);
        int far = count("sendToClients", redis.run(Script.SEND_CLIENTS, ScriptOutputType.INTEGER,
                args(codec.delivery("c", remote, List.of(), payload), remote)));
        return far + local.sendToClients(mine, payload);
    }

    int toUids(Collection<String> uids, Object message) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(uids));
        if (distinct.isEmpty()) {
            return 0;
        }
        String payload = codec.payload(message);
        int far = count("sendToUid", redis.run(Script.SEND_UIDS, ScriptOutputType.INTEGER,
                args(codec.delivery("u", distinct, List.of(), payload), distinct)));
        return far + local.sendToUids(distinct, payload);
    }

    int toGroups(Collection<String> groups, Object message, String... exclude) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(groups));
        if (distinct.isEmpty()) {
            return 0;
        }
        String payload = codec.payload(message);
        List<String> excluded = Arrays.asList(exclude);
        List<String> tail = new ArrayList<>();
        tail.add(Integer.toString(distinct.size()));
        tail.addAll(distinct);
        tail.addAll(excluded);
        int far = count("sendToGroup", redis.run(Script.SEND_GROUPS, ScriptOutputType.INTEGER,
                args(codec.delivery("g", distinct, excluded, payload), tail)));
        return far + local.sendToGroups(distinct, payload, exclude);
    }

    int toAll(Object message, String... exclude) {
        String payload = codec.payload(message);
        List<String> excluded = Arrays.asList(exclude);
        int far = count("sendToAll", redis.run(Script.SEND_ALL, ScriptOutputType.INTEGER,
                args(codec.delivery("a", List.of(), excluded, payload), excluded)));
        return far + local.sendToAll(payload, exclude);
    }

    private String[] args(String notice, List<String> tail) {
        List<String> args = new ArrayList<>(tail.size() + 3);
        args.add(keys.prefix());
        args.add(self);
        args.add(notice);
        args.addAll(tail);
        return args.toArray(String[]::new);
    }

    private int count(String operation, java.util.concurrent.CompletableFuture<Long> answer) {
        return Math.toIntExact(redis.await(operation, answer));
    }
}
