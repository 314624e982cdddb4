package io.kalisocket.internal.exec;

import io.kalisocket.KaliClock;
import io.kalisocket.config.ExecutionConfig;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses where actions run: one virtual thread per task on Java 21+, an {@link ElasticPool} on Java 17.
 * The pool's queue holds at most one task per connection ({@link SerialQueue} submits one drain at a
 * time), so it is bounded by the number of connections.
 */
public final class ActionExecutor {

    /** How often the pool's monitor looks: short enough that blocking actions get threads within milliseconds. */
    private static final Duration MONITOR_TICK = Duration.ofMillis(10);
    /** Quiet time before extra threads go (the same as {@link ThreadPoolExecutor}'s usual keep-alive). */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

    private ActionExecutor() {
    }

    /**
     * @param config the execution settings
     * @param clock the server's clock, which times the pool's monitor (Java 17)
     * @return the executor; shut it down when the server stops
     * @throws IllegalStateException when virtual threads are required but this JVM has none
     */
    public static ExecutorService create(ExecutionConfig config, KaliClock clock) {
        if (virtual(config)) {
            ExecutorService virtual = virtualThreadsOrNull();
            if (virtual != null) {
                return virtual;
            }
        }
        if ("on".equals(config.virtualThreads())) {
            throw new IllegalStateException("execution.virtual-threads: on, but Java "
                    + Runtime.version().feature() + " has no virtual threads (Java 21+ needed)");
        }
        return ElasticPool.start(config.effectivePoolMin(), config.effectivePoolSize(), MONITOR_TICK, KEEP_ALIVE,
                new NamedDaemonThreads("kali-action-"), clock);
    }

    /**
     * @param config the execution settings
     * @return true when {@link #create} runs actions on virtual threads with these settings on this JVM
     */
    public static boolean virtual(ExecutionConfig config) {
        return !"off".equals(config.virtualThreads()) && Runtime.version().feature() >= 21;
    }

    /** @param executor an executor made by {@link #create} @return true when it runs virtual threads */
    public static boolean isVirtual(ExecutorService executor) {
        return !(executor instanceof ThreadPoolExecutor);
    }

    private static ExecutorService virtualThreadsOrNull() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            // Compiled for Java 17, so the Java 21 factory is looked up once, at start-up.
            return (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger();

        NamedDaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
