package io.kalisocket.cluster;

import io.kalisocket.KaliClock;
import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
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

    private final Queue<Runnable> held = new ArrayDeque<>();
    private final ClaimLedger<String> adopted;
    private final ClaimLedger<Connection> released;
    private volatile int pending;
    private final KaliClock clock;
    private final String self;

    /**
     * @param self this node's id
     * @param clock the server's clock, which the ledgers of recent claims keep their entries on
     */
    ClaimGate(String self, KaliClock clock) {
        this.self = self;
        this.clock = clock;
        this.adopted = new ClaimLedger<>(clock);
        this.released = new ClaimLedger<>(clock);
    }

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
     * Delivers a send to this node's connections as Redis looked it up (call it through {@link #deliver}): leaves out
     * the connections that get it on another node, and hands it on to those claimed away from here after it was
     * looked up (their released streams pass it to the claiming node).
     *
     * @param local this node's gateway
     * @param to whom the send is for
     * @param stamp the claims as the lookup saw them; null for a push handed on to one connection (not looked up)
     * @param payload the message
     * @return how many connections it was handed to
     */
    int deliverRouted(Gateway local, Addressed to, RouteStamp stamp, String payload) {
        if (stamp == null) {
            return to.deliver(local, payload, List.of());
        }
        int handed = 0;
        for (Connection c : released.where((c, switches) -> switchedAfter(to, stamp, c.id(), switches))) {
            if (to.test(c) && c.send(payload)) {
                handed++;
            }
        }
        return handed + to.deliver(local, payload, skipped(to, stamp));
    }

    /**
     * @return the local connections a send must skip: those a claim had switched away from this node when it was
     *     looked up (the lookup sent it to their new node), and those this node claimed after (their old node got it
     *     and hands it on)
     */
    private List<String> skipped(Addressed to, RouteStamp stamp) {
        List<String> skip = adopted.where((id, switches) -> switchedAfter(to, stamp, id, switches));
        for (String id : stamp.movedIds()) {
            if (stamp.movedAway(self, id)) {
                if (skip.isEmpty()) {
                    skip = new ArrayList<>();
                }
                skip.add(id);
            }
        }
        return skip;
    }

    /** @return true when the connection's claim switched the send's deciding entity after the send's lookup */
    private static boolean switchedAfter(Addressed to, RouteStamp stamp, String clientId, Map<String, Long> switches) {
        String entity = to.decider(clientId, switches);
        return entity != null && stamp.version(entity) < switches.get(entity);
    }

    /** @return connections this node claimed lately, by client id, with the versions their claims switched at */
    ClaimLedger<String> adopted() {
        return adopted;
    }

    /** @return connections claimed away from this node lately, with the versions their claims switched at */
    ClaimLedger<Connection> released() {
        return released;
    }

    /**
     * @return true when no claim is pending and none happened lately: a send may then skip the scripts' answer about
     *     claimed connections (the near cache's direct publish)
     */
    boolean quiet() {
        return pending == 0 && !adopted.recent() && !released.recent();
    }

    /** @return now on the ledgers' clock, to ask them later what was claimed since */
    long now() {
        return clock.nanoTime();
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
