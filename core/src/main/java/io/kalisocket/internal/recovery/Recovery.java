package io.kalisocket.internal.recovery;

import io.kalisocket.KaliClock;
import io.kalisocket.config.RecoveryConfig;
import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Handshake;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.internal.connection.RecoverableSocket;
import io.kalisocket.spi.RecoveryStore;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection recovery on one node (see {@code docs/RECOVERY.md}): makes opted-in connections recoverable,
 * parks them when their socket drops, gives them back to a client that returns with its token within the
 * window, and finishes them (close actions) when the window passes. With a shared {@link RecoveryStore} (the
 * cluster's), a client may also return to another node, which claims the connection from this one.
 */
public final class Recovery implements RecoveryHook, RecoveryStore.Control {

    /** The query parameters that are recovery's: they are not passed to the connect action. */
    public static final Set<String> PARAMS = ResumeRequest.PARAMS;

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    /**
     * How often parked connections are checked against the window, on the server's clock. Each park also schedules
     * a check for the moment its window ends, so a connection is finished on time; this sweep is the backstop.
     */
    private static final Duration SWEEP_EVERY = Duration.ofMillis(250);

    private final RecoveryConfig config;
    private final ConnectionRegistry connections;
    private final Finisher finisher;
    private final ByteBufAllocator alloc;
    private final RecoveryStore store;
    private final String epoch;
    private final ResumeTokens tokens;
    private final Handover handover;
    private final ParkedConnections parked;
    private final RecoveryStats stats = new RecoveryStats();
    private volatile boolean stopped;
    private final KaliClock clock;
    private volatile ScheduledExecutorService timer;
    private volatile Future<?> sweeper;

    /**
     * @param config the recovery settings
     * @param clock the server's clock: the window is measured and checked on it
     * @param connections this node's connections (parked ones stay in it)
     * @param finisher runs a connection's close actions and forgets it
     * @param alloc where frame prefixes come from
     * @param store where streams are known beyond this node ({@link LocalStore} on one node)
     */
    public Recovery(RecoveryConfig config, KaliClock clock, ConnectionRegistry connections, Finisher finisher,
            ByteBufAllocator alloc, RecoveryStore store) {
        this.config = config;
        this.connections = connections;
        this.finisher = finisher;
        this.alloc = alloc;
        this.store = store;
        this.epoch = store.epoch();
        this.tokens = new ResumeTokens(config.secret(), epoch);
        this.clock = clock;
        this.parked = new ParkedConnections(clock, config.window());
        this.handover = new Handover(new Handover.Parts(config, store, connections, alloc, stats, tokens, epoch),
                this::finishedByItself, this::fresh);
    }

    /** @param timer where the window is checked: when a window ends, and every 250 ms of the clock */
    public void start(ScheduledExecutorService timer) {
        store.start(config, this);
        this.timer = timer;
        sweepEvery();
    }

    private void sweepEvery() {
        if (!stopped) {
            sweeper = sweepIn(SWEEP_EVERY, () -> {
                sweep();
                sweepEvery();
            });
        }
    }

    /** @return the scheduled sweep, or null when the timer no longer takes tasks (the server stops) */
    private Future<?> sweepIn(Duration delay, Runnable sweeping) {
        ScheduledExecutorService t = timer;
        try {
            return t == null ? null : clock.schedule(t, sweeping, delay);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    @Override
    public Upgrade upgraded(ChannelConnection fresh, Handshake handshake) {
        ResumeRequest request = ResumeRequest.of(handshake);
        if (request.kind() == ResumeRequest.Kind.NONE || stopped) {
            return new Upgrade(fresh, false, () -> { });
        }
        String reason = null;
        if (request.kind() == ResumeRequest.Kind.RESUME) {
            Optional<PushStream> returned = Optional.empty();
            reason = "epoch";
            if (epoch.equals(request.epoch())) {
                Optional<String> clientId = tokens.verify(request.token());
                reason = clientId.isEmpty() ? "invalid" : "expired";
                Optional<ChannelConnection> here = clientId.flatMap(connections::find);
                if (clientId.isPresent() && here.isEmpty() && store.shared()) {
                    return handover.claim(fresh, clientId.get(), request.last());
                }
                Optional<PushStream> stream = here.flatMap(Recovery::streamOf);
                if (stream.isPresent()) {
                    reason = resume(stream.get(), fresh, request.last());
                    returned = reason == null ? stream : Optional.empty();
                }
            }
            if (returned.isPresent()) {
                return resumed(returned.get(), request.last());
            }
            stats.failed(reason);
            log.debug("return of {} refused: {}", fresh.id(), reason);
        }
        return fresh(fresh, reason);
    }

    /** @param c a new recoverable connection @param reason why a return failed, or null @return its upgrade */
    private Upgrade fresh(ChannelConnection c, String reason) {
        PushBuffer buffer = new PushBuffer(config.maxMessages(), config.maxBytes(), stats::keptBytes);
        c.recoverable(new PushStream(c, buffer, alloc, this::finishedByItself, stats, store, 0));
        store.opened(c.id());
        return new Upgrade(c, false,
                () -> c.socket().reply(RecoveryFrame.fresh(c.id(), tokens.issue(c.id()), epoch, reason)));
    }

    /** @return null when resumed, else why not */
    private String resume(PushStream stream, ChannelConnection fresh, long last) {
        return switch (stream.resume(fresh.socket(), last)) {
            case RESUMED -> {
                stream.connection().ip(fresh.ip());
                parked.remove(stream.connection().id());
                store.resumed(stream.connection().id());
                yield null;
            }
            case OVERFLOW -> {
                if (stream.abandon()) {
                    parked.remove(stream.connection().id());
                    store.finished(stream.connection().id());
                    finisher.finish(stream.connection());
                }
                yield "overflow";
            }
            case INVALID -> "invalid";
            case CLOSED -> "expired";
        };
    }

    private Upgrade resumed(PushStream stream, long last) {
        stats.recovered();
        ChannelConnection c = stream.connection();
        log.debug("{} returned at {}", c.id(), last);
        return new Upgrade(c, true, () -> {
            c.socket().reply(RecoveryFrame.resumed(c.id(), tokens.issue(c.id()), epoch, last, stream.last() - last));
            stream.drain(c.socket().channel(), true);
        });
    }

    @Override
    public Disposition closed(ChannelConnection connection, Channel channel) {
        Optional<PushStream> stream = streamOf(connection);
        if (stream.isEmpty()) {
            return Disposition.FINISH;
        }
        Disposition d = stream.get().socketClosed(channel, parked.now());
        if (d == Disposition.PARKED) {
            if (stopped && stream.get().finishIfParked()) {
                d = Disposition.FINISH;
            } else {
                parked.add(connection.id(), stream.get());
                sweepIn(config.window(), this::sweep); // finished when its window ends, not up to a sweep later
                stats.parked();
                store.parked(connection);
                log.debug("parked {}", connection.id());
            }
        }
        if (d == Disposition.FINISH) {
            store.finished(connection.id());
        }
        return d;
    }

    @Override
    public void idle(ChannelConnection connection) {
        streamOf(connection).ifPresent(PushStream::idleClosing);
    }

    @Override
    public void closingForGood(Channel channel) {
        ChannelConnection c = ChannelConnection.of(channel);
        if (c != null) {
            streamOf(c).ifPresent(s -> s.finalClose(channel));
        }
    }

    @Override
    public Map<String, Object> status() {
        return stats.status(config, parked.count(), parked.bytes());
    }

    @Override
    public void stop() {
        stopped = true;
        Future<?> s = sweeper;
        if (s != null) {
            s.cancel(false);
        }
        parked.finishAll().forEach(stream -> {
            store.finished(stream.connection().id());
            finisher.finish(stream.connection());
        });
    }

    @Override
    public Optional<Connection> release(String clientId) {
        Optional<ChannelConnection> here = connections.find(clientId);
        here.ifPresent(c -> {
            connections.remove(c);
            parked.remove(clientId);
            stats.claimedAway();
            streamOf(c).ifPresent(s -> s.leaveSocket(true)); // what still reaches it is handed on to the new node
            log.debug("{} was taken over by another node", clientId);
        });
        return here.map(Connection.class::cast);
    }

    @Override
    public void yield(String clientId) {
        connections.find(clientId).flatMap(Recovery::streamOf).ifPresent(s -> s.leaveSocket(false));
    }

    /** Finishes the connections whose window has passed. */
    void sweep() {
        try {
            for (PushStream stream : parked.sweep()) {
                finishUnlessClaimed(stream.connection(), "its window passed", stats::expired);
            }
        } catch (RuntimeException e) {
            log.error("recovery sweep failed", e);
        }
    }

    private void finishedByItself(PushStream stream) {
        parked.remove(stream.connection().id());
        finishUnlessClaimed(stream.connection(), "over its caps, or closed by the server", () -> { });
    }

    /**
     * Runs the close actions of a parked connection that finished here, unless another node claimed it first:
     * the store says which, atomically with its claims (a claim may have run just before this node heard of it;
     * the claim's release then forgets the connection here, and its client sees no close action at all).
     */
    private void finishUnlessClaimed(ChannelConnection c, String why, Runnable count) {
        store.forgetUnlessClaimed(c.id()).whenComplete((mine, e) -> {
            if (e == null && !mine) {
                log.debug("parked {} finished ({}), but another node had claimed it", c.id(), why);
                return;
            }
            count.run();
            log.debug("parked {} finished ({})", c.id(), why);
            finisher.finish(c);
        });
    }

    private static Optional<PushStream> streamOf(ChannelConnection connection) {
        return connection.socket() instanceof RecoverableSocket recoverable
                && recoverable.outbox() instanceof PushStream stream ? Optional.of(stream) : Optional.empty();
    }
}
