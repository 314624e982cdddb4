package io.kalisocket.internal.server;

import io.kalisocket.KaliClock;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * One timeout that every connection has (the handshake's, or the idle time), timed with one timer per event loop
 * rather than one per connection: a timer each was 150 bytes of every idle connection (a scheduled task, its
 * lambda, the stage that held them) and a schedule and a cancel per handshake.
 *
 * <p>Each event loop keeps its connections in a list ordered by when their time started: a connection (re)starts
 * at the tail, so the head is always the first due, and the loop's one timer is set for the head (an early timer
 * finds nothing due and sets itself again; none is set while the list is empty). A timeout is exact to the clock:
 * it expires {@code timeout} after the last {@link Entry#restart}, never earlier and, as far as the event loop
 * keeps up, never later. Everything runs on the connection's event loop; times are the server's clock's, so a
 * fake clock drives it in tests. A timeout of zero or less never expires.
 */
final class LoopTimeouts {

    private final long timeoutNanos;
    private final KaliClock clock;
    private final Map<EventExecutor, Loop> loops = new ConcurrentHashMap<>();

    /** @param timeout the time a connection has (zero or less: no limit) @param clock the server's clock */
    LoopTimeouts(Duration timeout, KaliClock clock) {
        this.timeoutNanos = timeout.toNanos();
        this.clock = clock;
    }

    /**
     * Starts timing a connection; call on its event loop. An entry is in one list at a time: stop it in one
     * timeouts' list before starting it in another's.
     *
     * @param channel the connection's channel
     * @param entry the connection's entry, told when its time is up
     */
    void start(Channel channel, Entry entry) {
        entry.loop = loops.computeIfAbsent(channel.eventLoop(), Loop::new);
        if (timeoutNanos > 0) {
            long now = clock.nanoTime();
            entry.loop.append(entry, now);
            entry.loop.timeHead(now);
        }
    }

    /**
     * A connection's place in its event loop's list. The connection's lifecycle stage is its own entry (it extends
     * this): a list node of its own was 40 bytes of every connection. Static: no reference to the timeouts.
     */
    abstract static class Entry {
        private Loop loop;
        private Entry previous;
        private Entry next;
        /** When its time started: the due time is this plus the timeout. */
        private long startedNanos;
        private boolean listed;

        /** Its time is up; it is timed again a whole timeout later unless it stops or restarts before then. */
        abstract void expired();

        /** Its time starts again from now (a read); nothing when it was stopped. */
        final void restart() {
            if (listed) {
                loop.unlink(this);
                loop.append(this, loop.now());
            }
        }

        /** It is no longer timed (closed, or upgraded out of the handshake's time). */
        final void stop() {
            if (listed) {
                loop.unlink(this);
                loop.cancelWhenEmpty();
            }
        }
    }

    /** The connections of one event loop, first due first, and the loop's timer. */
    private final class Loop {
        private final EventExecutor executor;
        private Entry head;
        private Entry tail;
        private Future<?> timer;

        Loop(EventExecutor executor) {
            this.executor = executor;
        }

        long now() {
            return clock.nanoTime();
        }

        void append(Entry entry, long now) {
            entry.startedNanos = now;
            entry.previous = tail;
            entry.next = null;
            if (tail == null) {
                head = entry;
            } else {
                tail.next = entry;
            }
            tail = entry;
            entry.listed = true;
        }

        void cancelWhenEmpty() {
            if (head == null && timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        /** Sets the timer for the head, unless one is set: that one is due no later (the head only gets later). */
        void timeHead(long now) {
            if (timer == null && head != null) {
                long left = Math.max(0, timeoutNanos - (now - head.startedNanos));
                timer = clock.schedule(executor, this::expire, Duration.ofNanos(left));
            }
        }

        void unlink(Entry entry) {
            if (entry.previous == null) {
                head = entry.next;
            } else {
                entry.previous.next = entry.next;
            }
            if (entry.next == null) {
                tail = entry.previous;
            } else {
                entry.next.previous = entry.previous;
            }
            entry.previous = null;
            entry.next = null;
            entry.listed = false;
        }

        private void expire() {
            timer = null;
            long now = clock.nanoTime();
            // Each expired entry goes to the tail with a new start, so this ends at the first one not due.
            while (head != null && now - head.startedNanos >= timeoutNanos) {
                Entry due = head;
                unlink(due);
                append(due, now);
                due.expired(); // may stop it, or others: the loop reads the head afresh
            }
            timeHead(now);
        }
    }
}
