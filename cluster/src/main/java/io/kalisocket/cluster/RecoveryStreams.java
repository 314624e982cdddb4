package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import io.kalisocket.config.RecoveryConfig;
import io.kalisocket.connection.Connection;
import io.kalisocket.spi.LocalNode;
import io.kalisocket.spi.RecoveryStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection recovery's streams in Redis, so that a client may return to any node (docs/RECOVERY.md §7). The node
 * holding a recoverable connection numbers its pushes and appends each to {@code ks:rs:<client>} (pipelined, never
 * awaited; both caps applied exactly in the script; in the client's own slot on a Redis Cluster). A return to
 * another node claims the connection ({@link StreamClaims}): the pushes after the client's position, its uid, groups
 * and session, and its memberships moved to the claiming node; the old node is told to let it go. Notices arriving
 * while a claim is pending wait at the {@link ClaimGate}, so nothing routed to the connection reaches this node
 * before it is rebuilt.
 */
final class RecoveryStreams implements RecoveryStore {

    private static final Logger log = LoggerFactory.getLogger(RecoveryStreams.class);

    private final RedisLink redis;
    private final Keys keys;
    private final String self;
    private final LocalNode node;
    private final Gateway local;
    private final LocalWatcher watcher;
    private final Membership membership;
    private final ClaimGate gate;
    private final NodeChannels channels;
    private final Notice.Codec codec;
    private final StreamClaims claims;
    private volatile String epoch;
    private volatile RecoveryConfig config;
    private volatile Control control;

    RecoveryStreams(RedisLink redis, NodeChannels channels, Notice.Codec codec, Keys keys, LocalNode node,
            LocalWatcher watcher, Membership membership, Directory directory, ClaimGate gate) {
        this.redis = redis;
        this.channels = channels;
        this.codec = codec;
        this.keys = keys;
        this.self = codec.self();
        this.node = node;
        this.local = node.gateway();
        this.watcher = watcher;
        this.membership = membership;
        this.gate = gate;
        this.claims = new StreamClaims(redis, channels, codec, keys, gate, directory, membership);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String epoch() {
        String known = epoch;
        return known != null ? known : firstEpoch();
    }

    /** @return the cluster's epoch, made now by this node when no node made one yet */
    private synchronized String firstEpoch() {
        if (epoch == null) {
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            redis.await("recovery epoch", redis.async().set(keys.epoch(), HexFormat.of().formatHex(random),
                    SetArgs.Builder.nx()));
            epoch = redis.await("recovery epoch", redis.async().get(keys.epoch()));
        }
        return epoch;
    }

    @Override
    public void start(RecoveryConfig recoveryConfig, Control recoveryControl) {
        this.config = recoveryConfig;
        this.control = recoveryControl;
        if (recoveryConfig.secret().isEmpty()) {
            log.warn("recovery.secret is empty: this node signs resume tokens with a key of its own, so a client that"
                    + " returns to another node starts afresh; give every node the same recovery.secret");
        }
    }

    @Override
    public void opened(String clientId) {
        background("open stream", redis.async().hset(keys.streamMeta(clientId), Map.of("node", self, "last", "0",
                "bytes", "0")));
        // Written back if Redis lost it, so nodes that start later share this epoch.
        background("keep epoch", redis.async().set(keys.epoch(), epoch(), SetArgs.Builder.nx()));
    }

    @Override
    public void appended(String clientId, long seq, ByteBuf push) {
        RecoveryConfig caps = config;
        String text = push.toString(StandardCharsets.UTF_8);
        // Answers come back in call order on one connection, so what is handed on is published in push order.
        background("append push", redis.<List<Object>>runOn(Script.APPEND, ScriptOutputType.MULTI,
                keys.streamKeys(clientId), self, Long.toString(seq), Integer.toString(caps.maxMessages()),
                Long.toString(caps.maxBytes()), text)
                .thenCompose(answer -> answer.size() < 2 ? CompletableFuture.completedFuture(0L)
                        : channels.tell(String.valueOf(answer.get(1)), codec.delivery(
                                new Addressed("c", List.of(clientId), List.of()), null, text))));
    }

    @Override
    public void parked(Connection connection) {
        String id = connection.id();
        // The session as this node has it (actions may write it directly), for the node the client returns to;
        // both writes in the client's slot, so the session is there before the connection is claimable.
        Map<String, Object> session = local.getSession(id).orElse(Map.of());
        background("park", membership.writeSession(id, true, session));
        background("park", redis.async().hset(keys.streamMeta(id), "parked", "1"));
    }

    @Override
    public void resumed(String clientId) {
        background("resume", redis.async().hdel(keys.streamMeta(clientId), "parked"));
    }

    @Override
    public CompletionStage<Boolean> forgetUnlessClaimed(String clientId) {
        return redis.<Long>runOn(Script.FORGET, ScriptOutputType.INTEGER, keys.streamKeys(clientId), self)
                .thenApply(mine -> mine == 1L);
    }

    @Override
    public void finished(String clientId) {
        background("forget stream", redis.runOn(Script.FORGET, ScriptOutputType.INTEGER, keys.streamKeys(clientId),
                self));
    }

    @Override
    public CompletionStage<Claim> claim(String clientId, long last) {
        return claims.claim(clientId, last);
    }

    @Override
    public void adopted(Connection connection, Claim claim) {
        try {
            String id = connection.id();
            claim.uid().ifPresent(uid -> local.bindUid(id, uid));
            claim.groups().forEach(group -> local.joinGroup(id, group));
            if (!claim.session().isEmpty()) {
                local.setSession(id, claim.session());
            }
            watcher.adopt(id);
            Map<String, Long> switched = claims.ended(id);
            gate.adopted().add(id, switched == null ? Map.of() : switched);
        } finally {
            gate.claimEnds();
        }
    }

    @Override
    public void abandoned(String clientId) {
        // A claim that failed after Redis ran it (its answer lost) left the connection held here, where it is not:
        // the watcher's next tick drops it, as closed here (nothing, when another node holds it).
        watcher.adopt(clientId);
        claims.ended(clientId);
        gate.claimEnds();
    }

    /**
     * Another node claimed a connection of this one: let it go (no close action). Runs on the inbox thread; deliveries
     * routed here before the claim, arriving before or after this, still reach it and are handed on
     * ({@link RouteStamp}).
     *
     * @param clientId the connection
     * @param switches entity -> the version the claim switched it at
     */
    void moved(String clientId, Map<String, Long> switches) {
        watcher.forget(clientId); // first: the core's close hook for it must not drop what is now the other node's
        Control c = control;
        if (c != null) {
            c.release(clientId).ifPresent(released -> {
                node.forget(released);
                gate.released().add(released, switches);
            });
        }
        background("let go", redis.async().srem(keys.clients(self), clientId));
        // its entities' stamps stop telling this node to leave it out: it is gone from here
        for (String entity : switches.keySet()) {
            background("let go", redis.async().hdel(keys.movedFrom(entity), clientId));
        }
    }

    /** @param clientId a connection whose client is back on another node: drop its socket here, which parks it */
    void yielded(String clientId) {
        Control c = control;
        if (c != null) {
            c.yield(clientId);
        }
    }

    private void background(String what, CompletionStage<?> write) {
        write.whenComplete((ok, failure) -> {
            if (failure != null) {
                log.debug("recovery {} failed: {}", what, failure.toString());
            }
        });
    }
}
