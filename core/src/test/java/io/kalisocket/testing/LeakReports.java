package io.kalisocket.testing;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak reports of this JVM, kept for a test to fail on instead of only logged, and the detectors that make
 * them ({@link RecordingLeakDetector}, which Netty makes for every tracked resource type when the JVM runs with
 * {@code -Dio.netty.customResourceLeakDetector=io.kalisocket.testing.RecordingLeakDetector}, as the parent pom's
 * surefire argLine sets).
 *
 * <p>One instance per JVM, {@link #all()}, because Netty keeps its detectors in static fields, made by reflection:
 * this is the only place they can report to.
 */
public final class LeakReports {

    private static final LeakReports ALL = new LeakReports();

    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<ResourceLeakDetector<?>> detectors = new CopyOnWriteArrayList<>();

    private LeakReports() {
    }

    /** @return the reports and detectors of this JVM */
    public static LeakReports all() {
        return ALL;
    }

    void register(ResourceLeakDetector<?> detector) {
        detectors.add(detector);
    }

    void add(String report) {
        reports.add(report);
    }

    /** @return how many detectors report here; none means the JVM runs without the recording detector */
    public int detectors() {
        return detectors.size();
    }

    /**
     * Makes every detector look for leaked resources now. A detector only looks when it tracks a new resource, so
     * each is made to track (and release) one; run a GC first, or the leaked resources are still reachable.
     */
    public void poll() {
        for (ResourceLeakDetector<?> detector : detectors) {
            @SuppressWarnings("unchecked")
            ResourceLeakDetector<Object> any = (ResourceLeakDetector<Object>) detector;
            Object probe = new Object();
            ResourceLeakTracker<Object> tracker = any.trackForcibly(probe);
            tracker.close(probe);
        }
    }

    /** @return the reports recorded since the last {@link #drain()}, which are forgotten */
    public List<String> drain() {
        List<String> found = new ArrayList<>(reports);
        reports.removeAll(found);
        return found;
    }
}
