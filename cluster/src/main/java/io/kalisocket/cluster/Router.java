package io.kalisocket.cluster;

import io.kalisocket.gateway.LocalGateway;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends across the cluster. Local recipients get the message directly from this node; for the others,
 * one script looks up which nodes hold recipients and publishes one notice to each of them (to the shared
 * channel for {@code sendToAll}), in a single Redis round trip whatever the number of recipients.
 * A send to connections of this node only ({@code sendToClient} with a local id) never touches Redis.
 *
 * <p>A connection is local when this node holds it, whatever node its id names: a client that returned to
 * another node (connection recovery) lives there, and the scripts look it up. The scripts also name the
 * connections just claimed by another node that this node has not let go yet, so local delivery skips them.
 *
 * <p>Returned counts: local connections handed the message plus remote connections that Redis lists as
 * recipients (for several groups, their distinct remote members).
 */
final class Router {

    /** What a send script answers. @param remote recipients on other nodes @param skip not to deliver locally */
    private record Answer(int remote, List<String> skip) {
    }

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

    /** @param clientId a client id @return true when this node holds the connection (open or parked) */
    boolean isLocal(String clientId) {
        return local.isOnline(clientId);
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
        Answer far = answer("sendToClients", Script.SEND_CLIENTS, args(codec.delivery("c", remote, List.of(), payload),
                remote));
        mine.removeAll(far.skip());
        return far.remote() + local.sendToClients(mine, payload);
    }

    int toUids(Collection<String> uids, Object message) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(uids));
        if (distinct.isEmpty()) {
            return 0;
        }
        String payload = codec.payload(message);
        Answer far = answer("sendToUid", Script.SEND_UIDS, args(codec.delivery("u", distinct, List.of(), payload),
                distinct));
        if (far.skip().isEmpty()) {
            return far.remote() + local.sendToUids(distinct, payload);
        }
        Set<String> mine = new LinkedHashSet<>();
        distinct.forEach(uid -> mine.addAll(local.getClientIdByUid(uid)));
        far.skip().forEach(mine::remove);
        return far.remote() + local.sendToClients(mine, payload);
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
        Answer far = answer("sendToGroup", Script.SEND_GROUPS, args(codec.delivery("g", distinct, excluded, payload),
                tail));
        return far.remote() + local.sendToGroups(distinct, payload, skipping(exclude, far));
    }

    int toAll(Object message, String... exclude) {
        String payload = codec.payload(message);
        List<String> excluded = Arrays.asList(exclude);
        Answer far = answer("sendToAll", Script.SEND_ALL, args(codec.delivery("a", List.of(), excluded, payload),
                excluded));
        return far.remote() + local.sendToAll(payload, skipping(exclude, far));
    }

    private static String[] skipping(String[] exclude, Answer far) {
        if (far.skip().isEmpty()) {
            return exclude;
        }
        List<String> all = new ArrayList<>(Arrays.asList(exclude));
        all.addAll(far.skip());
        return all.toArray(String[]::new);
    }

    private String[] args(String notice, List<String> tail) {
        List<String> args = new ArrayList<>(tail.size() + 3);
        args.add(keys.prefix());
        args.add(self);
        args.add(notice);
        args.addAll(tail);
        return args.toArray(String[]::new);
    }

    private Answer answer(String operation, Script script, String[] args) {
        List<Object> answer = redis.await(operation, redis.<List<Object>>run(script, ScriptOutputType.MULTI, args));
        int remote = Math.toIntExact((Long) answer.get(0));
        List<String> skip = answer.size() == 1 ? List.of()
                : answer.subList(1, answer.size()).stream().map(String::valueOf).toList();
        return new Answer(remote, skip);
    }

    private int count(String operation, CompletableFuture<Long> answer) {
        return Math.toIntExact(redis.await(operation, answer));
    }
}
