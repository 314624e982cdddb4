package io.kalisocket.bench.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by a process, to tell which side of a run was saturated and to express
 * throughput per CPU-second of the server (a figure that does not depend on the load side).
 */
public final class CpuClock {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private CpuClock() {
    }

    /**
     * CPU time of this JVM (the load generator).
     *
     * @return nanoseconds of user + system time, or -1 if unknown
     */
    public static long self() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * CPU time of another process, from {@code /proc/PID/stat}.
     *
     * @param pid the process
     * @return nanoseconds of user + system time, or -1 if unknown
     */
    public static long of(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time of another process's live threads in nanoseconds ({@code /proc/PID/task/N/schedstat}, their time on a
     * CPU), finer than {@link #of(long)}'s 10 ms ticks; the time of threads that ended is not in it.
     *
     * @param pid the process
     * @return nanoseconds its live threads ran, or -1 if unknown
     */
    public static long scheduledNanosOf(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            long nanos = 0;
            for (Path thread : (Iterable<Path>) threads::iterator) {
                nanos += scheduledNanos(thread);
            }
            return nanos;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long scheduledNanos(Path thread) {
        try {
            String schedstat = Files.readString(thread.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    /**
     * CPU time of another JVM's JIT compiler threads ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}), from
     * {@code /proc/PID/task/*}: how busy its JIT is, for a server whose {@code CompilationMXBean} the bench cannot ask
     * (a {@code --target}).
     *
     * @param pid the process
     * @return milliseconds of user + system time of its compiler threads, or -1 if unknown
     */
    public static long compilerMillisOf(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            long ticks = 0;
            for (Path thread : (Iterable<Path>) threads::iterator) {
                ticks += compilerTicks(thread);
            }
            return ticks * NANOS_PER_TICK / 1_000_000;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long compilerTicks(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            return ticks(stat);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    /** @return user + system clock ticks of a {@code /proc/.../stat} line (its name may hold spaces and parens) */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    }
}
