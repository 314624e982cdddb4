package io.kalisocket.cluster;

import io.kalisocket.spi.RecoveryStore.Claim;
import io.lettuce.core.ScriptOutputType;
import java.util.LinkedHashMap;
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
 * Claims a connection whose client returned to this node from another one (docs/RECOVERY.md §7), in two steps, since
 * on a Redis Cluster the connection's recovery stream is in its own slot and its memberships in the application's:
 * {@code claim_stream} makes this node the stream's writer and reads the missed pushes, then {@code claim} moves the
 * registration and switches the connection's entities (itself, everyone, then its groups and user in their own slots)
 * at new versions ({@link RouteStamp}). Between the steps, what the old node pushes is handed on by the stream and
 * sends are still routed as before the claim, which the route stamps agree with. When the second step fails, the first is
 * undone so the connection stays parked where it was.
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
    /** The versions the claims of connections claimed and not adopted yet switched their entities at. */
    private final Map<String, Map<String, Long>> switches = new ConcurrentHashMap<>();

    StreamClaims(RedisLink redis, NodeChannels channels, Notice.Codec codec, Keys keys, ClaimGate gate,
            Directory directory, Membership membership) {
        this.users = membership.users();
        this.groups = membership.groups();
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
        return redis.<List<Object>>runOn(Script.CLAIM_STREAM, ScriptOutputType.MULTI, keys.streamKeys(clientId), self,
                Long.toString(last)).thenCompose(answer -> {
                    String status = String.valueOf(answer.get(0));
                    return switch (status) {
                        case "ok" -> moveMemberships(clientId, answer);
                        case "live" -> yielded(clientId, String.valueOf(answer.get(1)), last, tries);
                        // open somewhere, but Redis lost its stream: the epoch changed; else it is gone
                        case "gone" -> redis.<Long>run(Script.ONLINE, ScriptOutputType.INTEGER, keys.prefix(), clientId)
                                .thenApply(online -> Claim.refused(online == 1L ? "epoch" : "expired"));
                        default -> CompletableFuture.completedFuture(Claim.refused(status));
                    };
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

    private CompletableFuture<Claim> moveMemberships(String clientId, List<Object> stream) {
        long newest = (Long) stream.get(1);
        String owner = String.valueOf(stream.get(2));
        List<String> missed = stream.subList(3, stream.size()).stream().map(String::valueOf).toList();
        return redis.<List<Object>>run(Script.CLAIM, ScriptOutputType.MULTI, keys.prefix(), self, clientId, owner)
                .whenComplete((moved, failure) -> {
                    if (failure != null) {
                        redis.runOn(Script.UNCLAIM_STREAM, ScriptOutputType.INTEGER,
                                new String[] {keys.streamMeta(clientId)}, self, owner)
                                .whenComplete((undone, again) -> log.warn("claim of {} failed after its stream was "
                                        + "taken over: {}; given back to {}: {}", clientId, failure.toString(), owner,
                                        again == null ? undone : again.toString()));
                    }
                })
                .thenApply(Moved::of)
                .thenCompose(moved -> switchEntities(clientId, owner, moved))
                // the session, in the client's own slot, as its old node wrote it when the socket went
                .thenCompose(moved -> redis.async().hgetall(keys.session(clientId)).toCompletableFuture()
                        .thenApply(stored -> claimed(clientId, newest, owner, missed, moved, stored)));
    }

    /**
     * What the claim's step in the membership's slot answered.
     *
     * @param uid the connection's user, or empty
     * @param groups its groups
     * @param switched entity -> the version the claim switched it at, so far
     */
    private record Moved(String uid, Set<String> groups, Map<String, Long> switched) {

        static Moved of(List<Object> answer) {
            int i = 0;
            String uid = String.valueOf(answer.get(i++));
            long groupCount = (Long) answer.get(i++);
            Set<String> groups = new LinkedHashSet<>();
            for (long g = 0; g < groupCount; g++) {
                groups.add(String.valueOf(answer.get(i++)));
            }
            long entities = (Long) answer.get(i++);
            Map<String, Long> switched = new LinkedHashMap<>();
            for (long e = 0; e < entities; e++, i += 2) {
                switched.put(String.valueOf(answer.get(i)), (Long) answer.get(i + 1));
            }
            return new Moved(uid, groups, switched);
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

    private Claim claimed(String clientId, long newest, String owner, List<String> missed, Moved moved,
            Map<String, String> stored) {
        // Deliveries carry the stamps of their lookups: the old node hands on those looked up before these versions,
        // whenever they arrive, so this notice need not be in order with them.
        channels.tell(owner, codec.moved(clientId, moved.switched()));
        switches.put(clientId, moved.switched());
        return new Claim(null, newest, missed, moved.uid().isEmpty() ? Optional.empty() : Optional.of(moved.uid()),
                moved.groups(), directory.decode(stored));
    }
}
