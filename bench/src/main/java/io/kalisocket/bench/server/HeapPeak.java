package io.kalisocket.bench.server;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The highest heap use of this JVM since the last {@link #takePeak()}: the heap in use just before each
 * collection (reported by the JVM's GC notifications, where the heap is at its fullest), and a sample of
 * the heap in use every 10 ms between collections.
 *
 * <p>The watch starts with the first {@link #takePeak()}, so that a scenario that never asks (all but
 * {@code reconnect}) has no sampler waking every 10 ms on the server's core, where perf saw it delay the event
 * loop in the {@code latency} scenario.
 */
final class HeapPeak implements AutoCloseable {

    private static final long SAMPLE_MS = 10;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final Thread sampler;

    /** Watches nothing yet: the first {@link #takePeak()} starts the watch (see the class). */
    HeapPeak() {
        sampler = new Thread(this::sample, "heap-peak");
        sampler.setDaemon(true);
    }

    private synchronized void startWatching() {
        if (sampler.getState() != Thread.State.NEW) {
            return;
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        record(info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                                .filter(e -> heapPools.contains(e.getKey()))
                                .mapToLong(e -> e.getValue().getUsed()).sum());
                    }
                }, null, null);
            }
        }
        sampler.start();
    }

    private void sample() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                record(memory.getHeapMemoryUsage().getUsed());
                Thread.sleep(SAMPLE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(long used) {
        peak.accumulateAndGet(used, Math::max);
    }

    /**
     * The peak since the last call, and starts a new one.
     *
     * @return bytes
     */
    long takePeak() {
        startWatching();
        long now = memory.getHeapMemoryUsage().getUsed();
        return Math.max(peak.getAndSet(now), now);
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
