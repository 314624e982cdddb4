package io.kalisocket.cluster;

import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends across the cluster. Local recipients get the message directly from this node; for the others, one script
 * looks up which nodes hold recipients, whatever their number, and this node then publishes one notice to each of
 * those nodes' channels (to the shared channel for {@code sendToAll}), stamped with the claims as the lookup saw them
 * ({@link RouteStamp}). A send to connections of this node only ({@code sendToClient} with a local id) never touches
 * Redis.
 *
 * <p>A connection is local when this node holds it, whatever node its id names: a client that returned to another
 * node (connection recovery) lives there, and the scripts look it up. The lookup's stamp tells local delivery which
 * connections moved since; while this node is claiming a connection, local delivery after a script
 * waits at the {@link ClaimGate} (the count it returns then leaves out the local recipients).
 *
 * <p>Returned counts: local connections handed the message plus remote connections that Redis lists as recipients
 * (for several groups, their distinct remote members).
 */
final class SendRouter {

    /**
     * What a send script answers.
     *
     * @param remote recipients on other nodes
     * @param targets the nodes to publish to
     * @param stamp the claims as the lookup saw them, for every node's delivery (this one's too)
     */
    private record Routing(int remote, List<String> targets, RouteStamp stamp) {

        static Routing of(List<Object> answer) {
            int remote = Math.toIntExact((Long) answer.get(0));
            int nodes = Math.toIntExact((Long) answer.get(1));
            List<String> targets = new ArrayList<>(nodes);
            for (int i = 0; i < nodes; i++) {
                targets.add(String.valueOf(answer.get(2 + i)));
            }
            return new Routing(remote, targets, RouteStamp.read(answer, 2 + nodes));
        }

        /** @param parts the routings of one send's entities, each looked up in its own slot @return them as one */
        static Routing merge(List<Routing> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            int remote = 0;
            Set<String> targets = new LinkedHashSet<>();
            List<RouteStamp> stamps = new ArrayList<>();
            for (Routing part : parts) {
                remote += part.remote();
                targets.addAll(part.targets());
                stamps.add(part.stamp());
            }
            return new Routing(remote, List.copyOf(targets), RouteStamp.merge(stamps));
        }
    }

    private final Gateway local;
    private final RedisLink redis;
    private final NodeChannels channels;
    private final Keys keys;
    private final String self;
    private final Notice.Codec codec;
    private final ClaimGate gate;
    private final UidRoutes routes;
    private final UserIndex users;
    private final GroupIndex groupIndex;
    private final ConnectionRecords records;

    SendRouter(Gateway local, RedisLink redis, NodeChannels channels, Keys keys, String self, Notice.Codec codec,
            ClaimGate gate, UidRoutes routes, Membership membership) {
        this.users = membership.users();
        this.groupIndex = membership.groups();
        this.records = membership.records();
        this.local = local;
        this.redis = redis;
        this.channels = channels;
        this.routes = routes;
        this.gate = gate;
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
        Addressed to = new Addressed("c", List.of(clientId), List.of());
        return toClient("sendToClient", clientId, stamp -> codec.delivery(to, stamp, codec.payload(message)));
    }

    /** @param clientId a connection of another node @param notice what its node must do @return 1 when online */
    int toClientNotice(String clientId, String notice) {
        return toClient("closeClient", clientId, stamp -> notice);
    }

    private int toClient(String operation, String clientId, Function<RouteStamp, String> notice) {
        Routing routing = Routing.of(redis.await(operation, records.route(clientId)));
        channels.await(operation, List.of(channels.tell(routing.targets().get(0), notice.apply(routing.stamp()))));
        return routing.remote();
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
        // each connection in its own slot: looked up together, one stamp for all
        List<CompletableFuture<List<Object>>> answers = remote.stream().map(records::route).toList();
        Routing routing = Routing.merge(answers.stream()
                .map(a -> Routing.of(redis.await("sendToClients", a))).toList());
        publish("sendToClients", new Addressed("c", remote, List.of()), routing, payload);
        // not looked up: held here, each gets it here (one moving away gets it through its released stream)
        Addressed here = new Addressed("c", mine, List.of());
        return routing.remote() + gate.deliver(() -> gate.deliverRouted(local, here, null, payload));
    }

    int toUids(Collection<String> uids, Object message) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(uids));
        if (distinct.isEmpty()) {
            return 0;
        }
        String payload = codec.payload(message);
        Addressed to = new Addressed("u", distinct, List.of());
        long routed = gate.now(); // before asking quiet(): a claim ending in between is then seen as after it
        if (routes.enabled() && gate.quiet()) {
            return nearToUids(to, payload, routed);
        }
        // each user in its own slot: looked up together, one stamp for all
        List<CompletableFuture<List<Object>>> answers = distinct.stream().map(users::route).toList();
        Routing routing = Routing.merge(answers.stream().map(a -> Routing.of(redis.await("sendToUid", a))).toList());
        publish("sendToUid", to, routing, payload);
        return routing.remote() + gate.deliver(() -> gate.deliverRouted(local, to, routing.stamp(), payload));
    }

    /**
     * A private message through the near cache: the users' routes come from memory (looked up once when missing),
     * the notice is published to the nodes holding them with the stamps of the route's lookup, the local connections
     * get it directly.
     */
    private int nearToUids(Addressed to, String payload, long routed) {
        List<CompletableFuture<Long>> sent = new ArrayList<>();
        int remote = 0;
        for (String uid : to.targets()) {
            UidRoutes.Route route = routes.known(uid);
            if (route == null) {
                UidRoutes.Route mark = routes.lookingUp(uid);
                route = UidRoutes.Route.of(redis.await("sendToUid", users.route(uid)));
                routes.keep(uid, mark, route);
            }
            remote += route.remote();
            // One notice per user: each route's stamp is that of its own lookup.
            Addressed one = to.targets().size() == 1 ? to : new Addressed("u", List.of(uid), List.of());
            String notice = codec.delivery(one, route.stamp(), payload);
            route.nodes().forEach(node -> sent.add(channels.tell(node, notice)));
        }
        channels.await("sendToUid", sent);
        // Claims that happened since routing (the gate was quiet then): a connection claimed here got the message
        // on its old node, which hands it on; one claimed away is reached through its released stream.
        return remote + gate.deliver(() -> {
            int handed = 0;
            for (Connection c : gate.released().since(routed)) {
                if (to.test(c) && c.send(payload)) {
                    handed++;
                }
            }
            return handed + to.deliver(local, payload, gate.adopted().since(routed));
        });
    }

    int toGroups(Collection<String> groups, Object message, String... exclude) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(groups));
        if (distinct.isEmpty()) {
            return 0;
        }
        String payload = codec.payload(message);
        Addressed to = new Addressed("g", distinct, Arrays.asList(exclude));
        // each group in its own slot: looked up together (by node counts, O(nodes)), one stamp for all
        List<CompletableFuture<List<Object>>> answers = distinct.stream()
                .map(g -> groupIndex.route(g, to.excluded())).toList();
        Routing routing = Routing.merge(answers.stream().map(a -> Routing.of(redis.await("sendToGroup", a))).toList());
        publish("sendToGroup", to, routing, payload);
        int remote = distinct.size() == 1 ? routing.remote() : distinctRemoteMembers(distinct, to.excluded());
        return remote + gate.deliver(() -> gate.deliverRouted(local, to, routing.stamp(), payload));
    }

    /** For a send to several groups: their members on other nodes, each counted once (reads every member). */
    private int distinctRemoteMembers(List<String> groups, List<String> excluded) {
        List<CompletableFuture<Map<String, String>>> all = groups.stream().map(groupIndex::members).toList();
        Set<String> remote = new HashSet<>();
        for (CompletableFuture<Map<String, String>> members : all) {
            redis.await("sendToGroup", members).forEach((id, entry) -> {
                if (!entry.startsWith(self + "|")) {
                    remote.add(id);
                }
            });
        }
        excluded.forEach(remote::remove);
        return remote.size();
    }

    int toAll(Object message, String... exclude) {
        String payload = codec.payload(message);
        Addressed to = new Addressed("a", List.of(), Arrays.asList(exclude));
        Routing routing = Routing.of(redis.await("sendToAll", redis.<List<Object>>run(Script.SEND_ALL,
                ScriptOutputType.MULTI, keys.prefix(), self)));
        channels.await("sendToAll", List.of(channels.tellAll(codec.delivery(to, routing.stamp(), payload))));
        int remote = remoteConnections(routing.targets(), to.excluded());
        return remote + gate.deliver(() -> gate.deliverRouted(local, to, routing.stamp(), payload));
    }

    /** The connections the other nodes registered (each node's list in its slot), less the excluded among them. */
    private int remoteConnections(List<String> nodes, List<String> excluded) {
        List<CompletableFuture<Long>> listed = nodes.stream()
                .map(node -> redis.async().scard(keys.clients(node)).toCompletableFuture()).toList();
        List<CompletableFuture<List<Object>>> where = excluded.stream().filter(id -> !isLocal(id))
                .map(records::where).toList();
        long count = 0;
        for (CompletableFuture<Long> n : listed) {
            count += redis.await("sendToAll", n);
        }
        for (CompletableFuture<List<Object>> w : where) {
            List<Object> at = redis.await("sendToAll", w);
            if ((Long) at.get(0) == 1L && !self.equals(String.valueOf(at.get(1)))) {
                count--;
            }
        }
        return Math.toIntExact(Math.max(0, count));
    }

    /** Publishes a send, stamped, to each node Redis routed it to, and waits until Redis took them. */
    private void publish(String operation, Addressed to, Routing routing, String payload) {
        String notice = codec.delivery(to, routing.stamp(), payload);
        List<CompletableFuture<Long>> sent = new ArrayList<>(routing.targets().size());
        routing.targets().forEach(node -> sent.add(channels.tell(node, notice)));
        channels.await(operation, sent);
    }
}
