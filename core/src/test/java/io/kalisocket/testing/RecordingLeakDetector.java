package io.kalisocket.testing;

import io.netty.util.ResourceLeakDetector;

/**
 * A Netty leak detector that logs as Netty's does ({@code LEAK: ...} at ERROR) and also records each report in
 * {@link LeakReports}, for {@link NettyLeakCheck} to fail the tests on. Netty makes it in place of its own when the
 * JVM runs with {@code -Dio.netty.customResourceLeakDetector=io.kalisocket.testing.RecordingLeakDetector}: set
 * that way, before any buffer exists, it is in place whatever test (or test engine) runs first.
 *
 * @param <T> the tracked resource's type
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    /**
     * The constructor Netty's factory calls.
     *
     * @param resource         the tracked resource's type
     * @param samplingInterval how many resources make one sample, below the paranoid level
     */
    public RecordingLeakDetector(Class<?> resource, int samplingInterval) {
        super(resource, samplingInterval);
        LeakReports.all().register(this);
    }

    /**
     * The constructor Netty's factory looks for first (without it, it logs an ERROR before taking the other).
     *
     * @param resource         the tracked resource's type
     * @param samplingInterval how many resources make one sample, below the paranoid level
     * @param maxActive        ignored, as Netty ignores it
     */
    public RecordingLeakDetector(Class<?> resource, int samplingInterval, long maxActive) {
        this(resource, samplingInterval);
    }

    /** Always: a report must reach the tests even where the logging configuration hides Netty's ERRORs. */
    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        super.reportTracedLeak(resourceType, records);
        LeakReports.all().add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected."
                + records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        super.reportUntracedLeak(resourceType);
        LeakReports.all().add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected "
                + "(no records: run with -Dio.netty.leakDetection.level=paranoid)");
    }
}
