package io.kalisocket.internal.server;

import java.util.Arrays;

/**
 * How many events happened within the last {@link #WINDOW_SLOTS} slots of time: a sliding window kept as one count
 * per slot, so an old event leaves the window when its slot does, whatever happened since (no reset on a quiet
 * moment). Used from one event loop only, so it needs no locking.
 */
final class SlidingWindowCount {

    /** Slots per window: the window slides by a tenth of its length. */
    static final int WINDOW_SLOTS = 10;

    private final long slotNanos;
    private final int[] slots = new int[WINDOW_SLOTS];
    private long currentSlot;
    private int total;

    /** @param windowNanos the window's length in nanoseconds @param nowNanos the clock's reading now */
    SlidingWindowCount(long windowNanos, long nowNanos) {
        this.slotNanos = Math.max(1, windowNanos / WINDOW_SLOTS);
        this.currentSlot = nowNanos / slotNanos;
    }

    /**
     * @param nowNanos the clock's reading now
     * @return the events within the window, this one included
     */
    int add(long nowNanos) {
        slide(nowNanos);
        slots[(int) (currentSlot % WINDOW_SLOTS)]++;
        return ++total;
    }

    private void slide(long nowNanos) {
        long slot = nowNanos / slotNanos;
        if (slot - currentSlot >= WINDOW_SLOTS) {
            Arrays.fill(slots, 0);
            total = 0;
        } else {
            while (currentSlot < slot) {
                currentSlot++;
                int i = (int) (currentSlot % WINDOW_SLOTS);
                total -= slots[i];
                slots[i] = 0;
            }
        }
        currentSlot = Math.max(currentSlot, slot);
    }
}
