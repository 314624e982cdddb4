package io.kalisocket.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU pinning: on a machine with 2+ cores the server runs on cpu 0 and the load (this JVM) on
 * cpu 1, with {@code taskset}, so that neither steals the other's core and ratios mean something.
 *
 * @param enabled whether pinning is in force
 * @param reason  how it was decided, for the report
 */
public record Pinning(boolean enabled, String reason) {

    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    /**
     * Decides whether to pin.
     *
     * @param wanted false when {@code --no-pin} was given
     * @return the decision
     */
    public static Pinning decide(boolean wanted) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (!wanted) {
            return new Pinning(false, "not pinned (--no-pin)");
        }
        if (cores < 2) {
            return new Pinning(false, "not pinned (only " + cores + " core)");
        }
        if (!Files.isExecutable(TASKSET)) {
            return new Pinning(false, "not pinned (no taskset)");
        }
        return new Pinning(true, "server: taskset -c 0; load: taskset -a -p -c 1 (this JVM)");
    }

    /**
     * The command prefix that pins a server process.
     *
     * @return e.g. {@code [taskset, -c, 0]}, empty when not pinning
     */
    public List<String> serverPrefix() {
        return enabled ? List.of(TASKSET.toString(), "-c", "0") : List.of();
    }

    /**
     * Pins every thread of this JVM (and so every thread it starts later) to cpu 1.
     *
     * @throws IOException if taskset cannot run or fails
     * @throws InterruptedException if interrupted while waiting for it
     */
    public void pinThisProcess() throws IOException, InterruptedException {
        if (!enabled) {
            return;
        }
        Process p = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", "1",
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("taskset could not pin the load generator");
        }
    }
}
