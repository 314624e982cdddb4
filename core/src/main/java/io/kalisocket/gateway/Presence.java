package io.kalisocket.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kalisocket.KaliClock;
import io.kalisocket.internal.gateway.PresenceChanges;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online and offline news, coalesced and bounded: instead of one frame to every client per connect and per close
 * (N clients connecting push N² frames), the changes are collected and, once per
 * {@linkplain PresenceConfig#interval() interval} that had any:
 * <ul>
 * <li>everyone gets one small frame of counts, {@link Gateway#sendToAll}:
 *     {@code {"type":"presence.count","clients":N,"online":K,"offline":M}} ({@code clients}: connections now, as
 *     {@link Gateway#getAllClientIdCount()}; {@code online}/{@code offline}: how many came and left);</li>
 * <li>the members of the {@linkplain PresenceConfig#rosterGroup() roster group} (clients that asked, by joining it)
 *     also get who: {@code {"type":"presence","online":[{"client_id":ID,"uid":U},...],"offline":[...]}} (both
 *     lists always there, {@code uid} null for a connection without one), in frames of at most
 *     {@linkplain PresenceConfig#maxEntriesPerFrame() 500 entries}.</li>
 * </ul>
 * The bound: per interval, one count frame (about 60 bytes) per client plus each change once per roster member,
 * each frame encoded once. 10,000 clients connecting within a second, none of them in the roster group, cost
 * 10,000 frames and about 600 KB, not 10,000² entries. An interval without a change sends nothing.
 *
 * <p>A connection that came and went within one interval is in neither list nor count. Order: the online entries
 * of a frame, then its offline ones, each in the order they happened. In a cluster each node announces its own
 * connections through the cluster's gateway, so every client of every node hears of them.
 *
 * <pre>{@code
 * Presence presence = new Presence(PresenceConfig.defaults());
 * server.onWebSocketConnect((conn, handshake) -> presence.online(conn.id(), null))
 *       .onClose(conn -> presence.offline(conn.id(), conn.uid().orElse(null)))
 *       .onWorkerStart(w -> { if (w.id() == 0) presence.start(server.gateway(), server.clock()); })
 *       .onWorkerStop(w -> { if (w.id() == 0) presence.close(); });
 * }</pre>
 *
 * <p>Thread-safe. The timer runs on a thread of its own ({@code kali-presence}), scheduled on the server's clock,
 * so a test with a fake clock sends the frames by moving time.
 */
public final class Presence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final PresenceConfig config;
    private final PresenceChanges changes = new PresenceChanges();
    private Gateway gateway;
    private KaliClock clock;
    private ScheduledExecutorService timer;
    private Future<?> next;
    private volatile boolean closed;

    /** @param config the interval and the entries per frame */
    public Presence(PresenceConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    /**
     * One entry of a presence frame.
     *
     * @param clientId the connection
     * @param uid its user, or null
     */
    public record Entry(@JsonProperty("client_id") String clientId, String uid) {
    }

    /**
     * The frame everyone gets: counts only.
     *
     * @param type always {@code presence.count}
     * @param clients connections now, all nodes together
     * @param online connections that came in the interval
     * @param offline connections that left in it
     */
    public record Count(String type, int clients, int online, int offline) {

        /** @param clients connections now @param online came @param offline left @return the frame */
        public static Count of(int clients, int online, int offline) {
            return new Count("presence.count", clients, online, offline);
        }
    }

    /**
     * A roster frame as it goes on the wire, to the members of the roster group.
     *
     * @param type always {@code presence}
     * @param online connections that came
     * @param offline connections that left
     */
    public record Frame(String type, List<Entry> online, List<Entry> offline) {

        /** @param online connections that came @param offline connections that left @return the frame */
        public static Frame of(List<Entry> online, List<Entry> offline) {
            return new Frame("presence", List.copyOf(online), List.copyOf(offline));
        }
    }

    /** @param clientId a connection that came @param uid its user, or null */
    public void online(String clientId, String uid) {
        if (accepting()) {
            changes.online(new Entry(Objects.requireNonNull(clientId), uid));
        }
    }

    /** @param clientId a connection that left @param uid its user at the time, or null */
    public void offline(String clientId, String uid) {
        if (accepting()) {
            changes.offline(new Entry(Objects.requireNonNull(clientId), uid));
        }
    }

    /** @return the group whose members get who came and went ({@link PresenceConfig#rosterGroup()}) */
    public String rosterGroup() {
        return config.rosterGroup();
    }

    /** @return changes not sent yet */
    public int pending() {
        return changes.size();
    }

    /**
     * Starts sending once per interval; typically from {@code onWorkerStart} of worker 0.
     *
     * @param through the gateway the frames go through: the server's ({@code KaliServer.gateway()}), so that in a
     *     cluster every node's clients get them
     * @param time the server's clock ({@code KaliServer.clock()})
     * @throws IllegalStateException when already started
     */
    public synchronized void start(Gateway through, KaliClock time) {
        if (timer != null) {
            throw new IllegalStateException("presence is already started");
        }
        gateway = Objects.requireNonNull(through);
        clock = Objects.requireNonNull(time);
        closed = false;
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kali-presence");
            thread.setDaemon(true); // the server's stop ends it; it must never keep a JVM alive
            return thread;
        });
        next = clock.schedule(timer, this::tick, config.interval());
    }

    /**
     * Sends every waiting change now, as the timer does.
     *
     * @return roster frames sent (to the roster group; the count frame to everyone is not counted)
     * @throws IllegalStateException when not started
     */
    public int flush() {
        Gateway through;
        synchronized (this) {
            if (gateway == null) {
                throw new IllegalStateException("presence is not started");
            }
            through = gateway;
        }
        return send(through);
    }

    private int send(Gateway through) {
        List<Frame> frames = changes.drain(config.maxEntriesPerFrame());
        if (frames.isEmpty()) {
            return 0;
        }
        int came = 0;
        int left = 0;
        for (Frame frame : frames) {
            came += frame.online().size();
            left += frame.offline().size();
            through.sendToGroup(config.rosterGroup(), frame);
        }
        through.sendToAll(Count.of(through.getAllClientIdCount(), came, left));
        return frames.size();
    }

    private void tick() {
        Gateway through;
        synchronized (this) {
            if (timer == null) {
                return; // closed while this run waited
            }
            through = gateway;
        }
        try {
            send(through);
        } catch (RuntimeException e) {
            // The changes of this interval are lost (a cluster link down, say): said here, the next ones still go.
            log.warn("presence: sending this interval's changes failed", e);
        } finally {
            synchronized (this) {
                if (timer != null) {
                    next = clock.schedule(timer, this::tick, config.interval());
                }
            }
        }
    }

    /** Stops the timer and forgets unsent changes (the clients are leaving too); later changes are ignored. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            next.cancel(false);
            timer.shutdown();
            timer = null;
        }
        gateway = null;
        changes.clear();
    }

    private boolean accepting() {
        return !closed;
    }
}
