package io.kalisocket.internal.exec;

/** Where the process's CPU time comes from: it tells the {@link ElasticPool} whether the cores are busy (a test seam). */
@FunctionalInterface
interface CpuClock {
    /** @return CPU time this process has used, in nanoseconds, or -1 when unknown */
    long processCpuNanos();

    /** @return the JVM's own process CPU time, or -1 when this JVM does not expose it */
    static CpuClock ofProcess() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os::getProcessCpuTime;
        }
        return () -> -1;
    }
}
