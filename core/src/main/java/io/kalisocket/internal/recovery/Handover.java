package io.kalisocket.internal.recovery;

import io.kalisocket.config.RecoveryConfig;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.spi.RecoveryStore;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client returns to this node for a connection another node holds: the {@link RecoveryStore} claims it from
 * there, and the connection is rebuilt here (same client id, its stream continuing at the same number), gets the
 * pushes its client missed, then its memberships back. The upgrade completes once the claim answers; a refusal
 * gives a new connection, with the reason.
 */
final class Handover {

    /** Longest wait for a claim: the store's own timeouts answer first; this only guarantees the socket never hangs. */
    private static final long CLAIM_TIMEOUT_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(Handover.class);

    /**
     * What a handover works with.
     *
     * @param config the caps
     * @param store claims connections
     * @param connections this node's connections
     * @param alloc where the missed pushes' buffers come from
     * @param stats the counters
     * @param tokens issues the token of the rebuilt connection
     * @param epoch the epoch
     */
    record Parts(RecoveryConfig config, RecoveryStore store, ConnectionRegistry connections, ByteBufAllocator alloc,
            RecoveryStats stats, ResumeTokens tokens, String epoch) {
    }

    private final Parts parts;
    private final Consumer<PushStream> finished;
    private final BiFunction<ChannelConnection, String, RecoveryHook.Upgrade> fresh;

    /**
     * @param parts what it works with
     * @param finished told when a rebuilt connection's parked stream finished by itself
     * @param fresh makes a new recoverable connection, given why the return failed
     */
    Handover(Parts parts, Consumer<PushStream> finished,
            BiFunction<ChannelConnection, String, RecoveryHook.Upgrade> fresh) {
        this.parts = parts;
        this.finished = finished;
        this.fresh = fresh;
    }

    /**
     * @param socket the connection made for the new socket
     * @param clientId the connection its client wants back
     * @param last the client's position
     * @return an upgrade that completes, on the socket's event loop, once the claim answered
     */
    RecoveryHook.Upgrade claim(ChannelConnection socket, String clientId, long last) {
        CompletableFuture<RecoveryHook.Upgrade> later = parts.store().claim(clientId, last).toCompletableFuture()
                .orTimeout(CLAIM_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .handleAsync((claim, failure) -> {
                    if (failure != null) {
                        log.warn("claim of {} failed: {}", clientId, failure.toString());
                        return refused(socket, clientId, "unavailable");
                    }
                    if (claim.refusal() != null) {
                        return refused(socket, clientId, claim.refusal());
                    }
                    try {
                        return adopt(socket, clientId, last, claim);
                    } catch (RuntimeException e) {
                        log.error("could not rebuild {} claimed from another node", clientId, e);
                        return refused(socket, clientId, "unavailable");
                    }
                }, socket.socket().channel().eventLoop());
        return RecoveryHook.Upgrade.later(socket, later);
    }

    private RecoveryHook.Upgrade refused(ChannelConnection socket, String clientId, String reason) {
        parts.stats().failed(reason);
        parts.store().abandoned(clientId);
        log.debug("return of {} to this node refused: {}", socket.id(), reason);
        return fresh.apply(socket, reason);
    }

    private RecoveryHook.Upgrade adopt(ChannelConnection socket, String clientId, long last,
            RecoveryStore.Claim claim) {
        RecoveryConfig config = parts.config();
        // The claimed connection takes over the new socket, with its queue: the connection made for it is dropped.
        ChannelConnection moved = new ChannelConnection(clientId, socket.ip(), socket.socket(), socket.queue(),
                socket.openedAtMillis());
        PushBuffer buffer = new PushBuffer(config.maxMessages(), config.maxBytes(), parts.stats()::keptBytes, last + 1);
        claim.missed().forEach(push -> buffer.append(ByteBufUtil.writeUtf8(parts.alloc(), push)));
        PushStream stream = new PushStream(moved, buffer, parts.alloc(), finished, parts.stats(), parts.store(), last);
        moved.recoverable(stream);
        parts.stats().recovered();
        parts.stats().claimed();
        log.debug("{} returned at {} from another node ({} missed)", clientId, last, claim.missed().size());
        return new RecoveryHook.Upgrade(moved, true, () -> {
            parts.connections().add(moved); // only now: nothing may reach its socket before the recovery frame
            moved.socket().reply(RecoveryFrame.resumed(clientId, parts.tokens().issue(clientId), parts.epoch(), last,
                    claim.missed().size()));
            stream.drain(moved.socket().channel(), true);
            parts.store().adopted(moved, claim);
        });
    }
}
