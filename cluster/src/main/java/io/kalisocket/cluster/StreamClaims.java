package io.kalisocket.cluster;

import io.kalisocket.spi.RecoveryStore.Claim;
import io.lettuce.core.ScriptOutputType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims a connection whose client returned to this node from another one (docs/RECOVERY.md §7). One script in the
 * connection's own slot ({@code claim_stream}) makes this node the stream's writer and the connection's holder, reads
 * the missed pushes and switches the connection's route at a new version ({@link RouteStamp}); then the connection is
 * listed here and unlisted on its old node, and everyone's route, its groups' and its user's are switched, each in its
 * slot, one after the other in name order. Until a slot is switched, sends are routed there as before the claim, which
 * the route stamps agree with; a step that fails is logged and the claim stands.
 */
final class StreamClaims {

    private static final Logger log = LoggerFactory.getLogger(StreamClaims.class);
    /** A claimed connection whose socket still looks alive is asked to drop it; the claim is retried this often. */
    private static final int YIELD_TRIES = 20;
    private static final long YIELD_RETRY_MILLIS = 100;

    private final RedisLink redis;
    private final NodeChannels channels;
    private final Notice.Codec codec;
    private final Keys keys;
    private final String self;
    private final ClaimGate gate;
    private final Directory directory;
    private final UserIndex users;
    private final GroupIndex groups;
    private final ConnectionRecords records;
    /** The versions the claims of connections claimed and not adopted yet switched their entities at. */
    private final Map<String, Map<String, Long>> switches = new ConcurrentHashMap<>();

    StreamClaims(RedisLink redis, NodeChannels channels, Notice.Codec codec, Keys keys, ClaimGate gate,
            Directory directory, Membership membership) {
        this.users = membership.users();
        this.groups = membership.groups();
        this.records = membership.records();
        this.redis = redis;
        this.channels = channels;
        this.codec = codec;
        this.keys = keys;
        this.self = codec.self();
        this.gate = gate;
        this.directory = directory;
    }

    /**
     * Claims a connection. The gate holds notices from before the first step runs until the caller ends the claim
     * (adopted or abandoned, exactly once), except between tries, when nothing is claimed.
     *
     * @param clientId the connection
     * @param last the client's position in its stream
     * @return the claim, or its refusal
     */
    CompletableFuture<Claim> claim(String clientId, long last) {
        return attempt(clientId, last, 1);
    }

    /**
     * @param clientId a connection adopted or abandoned
     * @return the versions its claim switched its entities at, forgotten here now, or null
     */
    Map<String, Long> ended(String clientId) {
        return switches.remove(clientId);
    }

    private CompletableFuture<Claim> attempt(String clientId, long last, int tries) {
        gate.claimStarts();
        String[] record = keys.clientKeys(clientId);
        String[] stream = keys.streamKeys(clientId);
        String[] all = {record[0], record[1], record[2], record[3], stream[0], stream[1]};
        // listed here first: a node's list holds every connection whose record names the node
        return records.list(self, clientId)
                .thenCompose(listed -> redis.<List<Object>>runOn(Script.CLAIM_STREAM, ScriptOutputType.MULTI, all,
                        self, Long.toString(last), clientId))
                .thenCompose(answer -> {
                    String status = String.valueOf(answer.get(0));
                    if ("ok".equals(status)) {
                        return moveMemberships(clientId, answer);
                    }
                    return records.unlist(self, List.of(clientId)).thenCompose(unlisted -> switch (status) {
                        case "live" -> yielded(clientId, String.valueOf(answer.get(1)), last, tries);
                        // open somewhere, but Redis lost its stream: the epoch changed; else it is gone
                        case "gone" -> records.online(clientId)
                                .thenApply(online -> Claim.refused(online == 1L ? "epoch" : "expired"));
                        default -> CompletableFuture.completedFuture(Claim.refused(status));
                    });
                });
    }

    /** Its old node still sees the socket alive: asks it to drop it, and tries again a little later. */
    private CompletableFuture<Claim> yielded(String clientId, String owner, long last, int tries) {
        channels.tell(owner, codec.control("yield", clientId, null));
        if (tries >= YIELD_TRIES) {
            return CompletableFuture.completedFuture(Claim.refused("expired"));
        }
        gate.claimEnds(); // its old node is dropping the socket: nothing was claimed yet
        return CompletableFuture.supplyAsync(() -> null,
                CompletableFuture.delayedExecutor(YIELD_RETRY_MILLIS, TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> attempt(clientId, last, tries + 1));
    }

    private CompletableFuture<Claim> moveMemberships(String clientId, List<Object> answer) {
        Moved moved = Moved.of(clientId, answer);
        CompletableFuture<Void> everyone = redis.<Long>runOn(Script.EVERYONE_SWITCH, ScriptOutputType.INTEGER,
                new String[] {keys.version("a"), keys.movedFrom("a")}, clientId, moved.owner())
                .handle((version, failure) -> {
                    if (failure == null) {
                        moved.switched().put("a", version);
                    } else {
                        log.warn("claim of {}: everyone's route not switched here: {}", clientId, failure.toString());
                    }
                    return null;
                });
        // unlisted on its old node (which unlists it too when it lets go)
        CompletableFuture<Void> unlisted = records.unlist(moved.owner(), List.of(clientId))
                .handle((n, failure) -> null);
        return CompletableFuture.allOf(everyone, unlisted)
                .thenCompose(done -> switchEntities(clientId, moved.owner(), moved))
                // the session, in the client's own slot, as its old node wrote it when the socket went
                .thenCompose(done -> redis.async().hgetall(keys.session(clientId)).toCompletableFuture()
                        .thenApply(stored -> claimed(clientId, moved, stored)));
    }

    /**
     * What the claim's script in the connection's slot answered: {'ok', newest, old node, uid or '', epoch, G, the G
     * groups, the missed pushes...}.
     *
     * @param newest the stream's newest push
     * @param owner the old node
     * @param uid the connection's user, or empty
     * @param groups its groups
     * @param missed the pushes after the client's position
     * @param switched entity -> the version the claim switched it at, so far (the connection's own: its epoch)
     */
    private record Moved(long newest, String owner, String uid, Set<String> groups, List<String> missed,
            Map<String, Long> switched) {

        static Moved of(String clientId, List<Object> answer) {
            long newest = (Long) answer.get(1);
            String owner = String.valueOf(answer.get(2));
            String uid = String.valueOf(answer.get(3));
            Map<String, Long> switched = new ConcurrentHashMap<>();
            switched.put("c:" + clientId, (Long) answer.get(4));
            int groupCount = Math.toIntExact((Long) answer.get(5));
            Set<String> groups = new LinkedHashSet<>();
            answer.subList(6, 6 + groupCount).forEach(g -> groups.add(String.valueOf(g)));
            List<String> missed = answer.subList(6 + groupCount, answer.size()).stream().map(String::valueOf).toList();
            return new Moved(newest, owner, uid, groups, missed, switched);
        }
    }

    /**
     * The claim's steps in its groups' slots and its user's, one after the other in name order (the order in which a
     * send's deciding entity is picked, {@link Addressed#decider}). A step that fails leaves the claim standing: that
     * hash keeps the old node until this node writes the membership again (its re-announcement after a reconnection,
     * with the later epoch that wins there).
     */
    private CompletableFuture<Moved> switchEntities(String clientId, String owner, Moved moved) {
        long epoch = moved.switched().getOrDefault("c:" + clientId, 0L);
        CompletableFuture<Void> steps = CompletableFuture.completedFuture(null);
        for (String group : new TreeSet<>(moved.groups())) {
            steps = steps.thenCompose(done -> switched(clientId, "g:" + group, moved,
                    groups.switchHere(clientId, group, epoch, owner)));
        }
        if (!moved.uid().isEmpty()) {
            steps = steps.thenCompose(done -> switched(clientId, "u:" + moved.uid(), moved,
                    users.switchHere(clientId, moved.uid(), epoch, owner)));
        }
        return steps.thenApply(done -> moved);
    }

    private CompletableFuture<Void> switched(String clientId, String entity, Moved moved,
            CompletableFuture<Long> step) {
        return step.handle((version, failure) -> {
            if (failure == null) {
                moved.switched().put(entity, version);
            } else {
                log.warn("claim of {}: {} not switched here: {}", clientId, entity, failure.toString());
            }
            return null;
        });
    }

    private Claim claimed(String clientId, Moved moved, Map<String, String> stored) {
        // Deliveries carry the stamps of their lookups: the old node hands on those looked up before these versions,
        // whenever they arrive, so this notice need not be in order with them.
        channels.tell(moved.owner(), codec.moved(clientId, moved.switched()));
        switches.put(clientId, moved.switched());
        Optional<String> uid = moved.uid().isEmpty() ? Optional.empty() : Optional.of(moved.uid());
        return new Claim(null, moved.newest(), moved.missed(), uid, moved.groups(), directory.decode(stored));
    }
}
