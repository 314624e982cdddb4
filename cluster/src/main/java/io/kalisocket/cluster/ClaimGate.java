package io.kalisocket.cluster;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * Holds this node's incoming notices while a connection is being claimed from another node (connection
 * recovery). Once the claim script ran, Redis routes the connection's pushes here, possibly before the
 * connection is rebuilt and its missed pushes written; held notices are applied, in arrival order, as soon as
 * no claim is pending. Applying happens under this gate's lock, so order is kept across threads.
 */
final class ClaimGate {

    private final Queue<String> held = new ArrayDeque<>();
    private Consumer<String> apply = text -> { };
    private int pending;

    /** @param applier applies one notice (set once, before any notice arrives) */
    synchronized void applier(Consumer<String> applier) {
        this.apply = applier;
    }

    /** @param text a notice, as received: applied now, or held while a claim is pending */
    synchronized void accept(String text) {
        if (pending > 0) {
            held.add(text);
        } else {
            apply.accept(text);
        }
    }

    /** A claim starts: notices wait from now on. */
    synchronized void claimStarts() {
        pending++;
    }

    /** A claim ended (adopted or refused): when none is pending, the held notices are applied. */
    synchronized void claimEnds() {
        pending = Math.max(0, pending - 1);
        if (pending == 0) {
            while (!held.isEmpty()) {
                apply.accept(held.poll());
            }
        }
    }
}
