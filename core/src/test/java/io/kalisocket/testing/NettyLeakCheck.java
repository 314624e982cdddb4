package io.kalisocket.testing;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after which Netty reported a leaked buffer (or any resource Netty tracks). Registered for
 * every test class of every module that has core's test-jar (META-INF/services, with
 * {@code junit.jupiter.extensions.autodetection.enabled=true} set by the parent pom's surefire argLine, which
 * also sets {@code -Dio.netty.leakDetection.level=paranoid}: every buffer is tracked, with its access records, and
 * makes Netty's detectors {@link RecordingLeakDetector}s).
 *
 * <p>After each class it collects garbage, waits until the collector has processed references, and makes
 * Netty's detectors look: a buffer the class leaked is reported then. A leak found after a class may come from
 * an earlier one whose buffer was still reachable at its check; the report's records name the code.
 */
public final class NettyLeakCheck implements AfterAllCallback {

    private final LeakReports reports = LeakReports.all();

    @Override
    public void afterAll(ExtensionContext context) {
        check(context.getDisplayName());
    }

    /**
     * Collects garbage, polls the detectors and fails on any report since the last check.
     *
     * @param after what ran before this check, for the failure's message
     * @throws AssertionError naming each leak Netty reported
     */
    public void check(String after) {
        collectGarbage();
        reports.poll();
        List<String> leaks = reports.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty leak report(s) after " + after + ":\n"
                    + String.join("\n", leaks));
        }
    }

    /** A full GC whose weak references have been cleared and enqueued: the leaked buffers' ones too. */
    private static void collectGarbage() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                System.gc();
                if (queue.remove(200) != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Reference.reachabilityFence(sentinel);
        }
    }
}
