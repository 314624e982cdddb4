package io.kalisocket.cluster;

import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;
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
 * connections just claimed by another node that this node has not let go yet, so local delivery skips them; and
 * while this node is claiming a connection, local delivery after a script waits at the {@link ClaimGate} (the
 * count it returns then leaves out the local recipients).
 *
 * <p>Returned counts: local connections handed the message plus remote connections that Redis lists as
 * recipients (for several groups, their distinct remote members).
 */
final class SendRouter {

    /**
     * What a send script answers.
     *
     * @param remote recipients on other nodes
     * @param claims how many connections this node had claimed when the script ran
     * @param away how many connections had been claimed away from this node when the script ran
     * @param moved connections claimed away from this node that it still holds: not to deliver locally
     */
    private record Answer(int remote, long claims, long away, List<String> moved) {
    }

    private final Gateway local;
    private final RedisLink redis;
    private final Keys keys;
    private final String self;
    private final Notice.Codec codec;
    private final ClaimGate gate;
    private final UidRoutes routes;

    SendRouter(Gateway local, RedisLink redis, Keys keys, String self, Notice.Codec codec, ClaimGate gate,
            UidRoutes routes) {
        this.local = local;
        this.routes = routes;
        this.gate = gate;
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
        return far.remote() + gate.deliver(() -> {
            int handed = handOn(far, c -> mine.contains(c.id()), payload);
            mine.removeAll(skip(far));
            return handed + local.sendToClients(mine, payload);
        });
    }

    int toUids(Collection<String> uids, Object message) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(uids));
        if (distinct.isEmpty()) {
            return 0;
        }
        String payload = codec.payload(message);
        long routed = gate.now(); // before asking quiet(): a claim ending in between is then seen as after it
        if (routes.enabled() && gate.quiet()) {
            return nearToUids(distinct, payload, routed);
        }
        Answer far = answer("sendToUid", Script.SEND_UIDS, args(codec.delivery("u", distinct, List.of(), payload),
                distinct));
        return far.remote() + gate.deliver(() -> handOn(far, c -> c.uid().filter(distinct::contains).isPresent(), payload)
                + LocalDelivery.toUids(local, distinct, payload, skip(far)));
    }

    /**
     * A private message through the near cache: the users' routes come from memory (looked up once when missing),
     * the notice is published to the nodes holding them, the local connections get it directly.
     */
    private int nearToUids(List<String> uids, String payload, long routed) {
        Set<String> nodes = new LinkedHashSet<>();
        int remote = 0;
        for (String uid : uids) {
            UidRoutes.Route route = routes.known(uid);
            if (route == null) {
                UidRoutes.Route mark = routes.lookingUp(uid);
                route = UidRoutes.Route.of(redis.await("sendToUid", redis.<List<Object>>run(Script.ROUTE_UID,
                        ScriptOutputType.MULTI, keys.prefix(), self, uid)));
                routes.keep(uid, mark, route);
            }
            remote += route.remote();
            nodes.addAll(route.nodes());
        }
        if (!nodes.isEmpty()) {
            String notice = codec.delivery("u", uids, List.of(), payload);
            List<CompletableFuture<Long>> sent = new ArrayList<>(nodes.size());
            for (String node : nodes) {
                sent.add(redis.publish(keys.channel(node), notice, keys.sharded()).toCompletableFuture());
            }
            redis.await("sendToUid", CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)));
        }
        // Claims that happened since routing (the gate was quiet then): a connection claimed here got the message
        // on its old node, which hands it on; one claimed away is reached through its released stream.
        return remote + gate.deliver(() -> {
            int handed = 0;
            for (Connection c : gate.released().since(routed)) {
                if (c.uid().filter(uids::contains).isPresent() && c.send(payload)) {
                    handed++;
                }
            }
            return handed + LocalDelivery.toUids(local, uids, payload, gate.adopted().since(routed));
        });
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
        return far.remote() + gate.deliver(() -> handOn(far, c -> !excluded.contains(c.id())
                && c.groups().stream().anyMatch(distinct::contains), payload)
                + local.sendToGroups(distinct, payload, skipping(exclude, far)));
    }

    int toAll(Object message, String... exclude) {
        String payload = codec.payload(message);
        List<String> excluded = Arrays.asList(exclude);
        Answer far = answer("sendToAll", Script.SEND_ALL, args(codec.delivery("a", List.of(), excluded, payload),
                excluded));
        return far.remote() + gate.deliver(() -> handOn(far, c -> !excluded.contains(c.id()), payload)
                + local.sendToAll(payload, skipping(exclude, far)));
    }

    /**
     * Delivers a send to the connections this node let go to another node after the send's script routed it (so
     * the script did not send it there): their released streams hand it on.
     *
     * @param far the send script's answer
     * @param addressed whether the send is addressed to a connection
     * @param payload the message
     * @return how many connections it was handed to
     */
    private int handOn(Answer far, java.util.function.Predicate<Connection> addressed, String payload) {
        int handed = 0;
        for (Connection c : gate.released().after(far.away())) {
            if (addressed.test(c) && c.send(payload)) {
                handed++;
            }
        }
        return handed;
    }

    /**
     * @param far a send script's answer
     * @return the local connections the send must skip: those claimed away from this node, and those this node
     *     claimed after the script routed the send (it reached them on their old node, which hands it on)
     */
    private List<String> skip(Answer far) {
        List<String> after = gate.adopted().after(far.claims());
        if (after.isEmpty()) {
            return far.moved();
        }
        List<String> all = new ArrayList<>(far.moved());
        all.addAll(after);
        return all;
    }

    private String[] skipping(String[] exclude, Answer far) {
        return LocalDelivery.excluding(exclude, skip(far));
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
        List<String> moved = answer.size() == 3 ? List.of()
                : answer.subList(3, answer.size()).stream().map(String::valueOf).toList();
        return new Answer(remote, (Long) answer.get(1), (Long) answer.get(2), moved);
    }

    private int count(String operation, CompletableFuture<Long> answer) {
        return Math.toIntExact(redis.await(operation, answer));
    }
}
