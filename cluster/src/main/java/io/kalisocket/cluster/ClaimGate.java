package io.kalisocket.cluster;

import io.kalisocket.connection.ChannelConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Holds this node's deliveries while a connection is being claimed from another node (connection recovery).
 * Once the claim script ran, Redis routes the connection's pushes to this node — to its channel, or to its own
 * local delivery after a send script — possibly before the connection is rebuilt here and its missed pushes
 * written. So while a claim is pending, incoming notices and this node's local deliveries after a send script wait
 * here, and are run, in arrival order, as soon as no claim is pending. With no claim pending a delivery runs at
 * once without taking the lock: its send script ran before any claim that starts later.
 */
final class ClaimGate {

    /** How long an adopted connection's claim number is kept: far longer than a send's script-to-delivery time. */
    private static final long LEDGER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Queue<Runnable> held = new ArrayDeque<>();
    /** Connections adopted lately: client id -> {claim number, when adopted}. */
    private final Map<String, long[]> adopted = new ConcurrentHashMap<>();
    /** Connections released to other nodes lately, with the number of their claim away from this node. */
    private final Map<ChannelConnection, long[]> released = new ConcurrentHashMap<>();
    private volatile int pending;

    /**
     * @param delivery a delivery to this node's connections
     * @return what it returned when run now, 0 when held
     */
    int deliver(IntSupplier delivery) {
        if (pending == 0) {
            return delivery.getAsInt();
        }
        synchronized (this) {
            if (pending > 0) {
                held.add(delivery::getAsInt);
                return 0;
            }
        }
        return delivery.getAsInt();
    }

    /** @param delivery a delivery whose result is not needed (an incoming notice) */
    void deliver(Runnable delivery) {
        deliver(() -> {
            delivery.run();
            return 0;
        });
    }

    /**
     * @param clientId a connection this node claimed and rebuilt
     * @param claimNumber the claim's number (this node's claims count, in Redis's order)
     */
    void adopted(String clientId, long claimNumber) {
        long now = System.nanoTime();
        adopted.values().removeIf(entry -> now - entry[1] > LEDGER_NANOS);
        adopted.put(clientId, new long[] {claimNumber, now});
    }

    /**
     * @param claims how many connections this node had claimed when a send script ran
     * @return the connections claimed after it: that send reached them on the node they were on
     */
    List<String> claimedAfter(long claims) {
        if (adopted.isEmpty()) {
            return List.of();
        }
        List<String> after = new ArrayList<>();
        adopted.forEach((id, entry) -> {
            if (entry[0] > claims) {
                after.add(id);
            }
        });
        return after;
    }

    /**
     * @param connection a connection of this node another node claimed, now released here
     * @param awayNumber the claim's number among the claims away from this node
     */
    void released(ChannelConnection connection, long awayNumber) {
        long now = System.nanoTime();
        released.values().removeIf(entry -> now - entry[1] > LEDGER_NANOS);
        released.put(connection, new long[] {awayNumber, now});
    }

    /**
     * @param away how many connections had been claimed away from this node when a send script ran
     * @return the released connections claimed away after it: that send still has to reach them here
     */
    List<ChannelConnection> releasedAfter(long away) {
        if (released.isEmpty()) {
            return List.of();
        }
        List<ChannelConnection> after = new ArrayList<>();
        released.forEach((c, entry) -> {
            if (entry[0] > away) {
                after.add(c);
            }
        });
        return after;
    }

    /** A claim starts: deliveries wait from now on. */
    synchronized void claimStarts() {
        pending++;
    }

    /** A claim ended (adopted or refused): when none is pending any more, the held deliveries run, in order. */
    synchronized void claimEnds() {
        if (pending == 1) {
            while (!held.isEmpty()) { // still pending meanwhile: later deliveries queue behind these
                held.poll().run();
            }
        }
        pending = Math.max(0, pending - 1);
    }
}
