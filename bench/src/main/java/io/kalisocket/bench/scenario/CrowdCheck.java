package io.kalisocket.bench.scenario;

import io.kalisocket.bench.Loopback;
import io.kalisocket.bench.load.FrameListener;
import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.run.CpuClock;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code crowd}: N clients connect at once to a running application (the demo: {@code --target ws://127.0.0.1:9527/
 * --pid PID}), each waits for the frame that welcomes it (a text frame containing {@code --expect}, by default
 * {@code "type":"welcome"}); reports when all were open and all welcomed, how many were not, the application's heap
 * after a full GC before and with the crowd ({@code jcmd PID GC.run}, {@code GC.heap_info}), its RSS, and the CPU
 * both sides used while the crowd connected. Loopback only; bounded: at most {@link #MAX_CONNECTIONS} clients,
 * {@link #DEADLINE} to open and be welcomed.
 */
public final class CrowdCheck {

    /** Most clients one check opens (one load JVM, one port range). */
    public static final int MAX_CONNECTIONS = 19_000;

    /** How long the crowd has to open and be welcomed before the check reports what it has. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final AttributeKey<Boolean> WELCOMED = AttributeKey.valueOf("crowd.welcomed");
    /**
     * One generation's use in {@code GC.heap_info}: G1 prints one line for the whole heap, the Serial collector (the
     * JVM's choice on one pinned core) and the parallel one a line per generation; every such line has
     * {@code total NK, used NK} (eden, survivor and metaspace lines do not), so the heap is their sum.
     */
    static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final URI target;
    private final long pid;
    private final int connections;
    private final String expect;

    /**
     * @param target      the application's WebSocket URI (loopback only)
     * @param pid         its process, for the heap and CPU figures
     * @param connections how many clients (1 to {@link #MAX_CONNECTIONS})
     * @param expect      the text a client's welcome frame contains
     */
    public CrowdCheck(URI target, long pid, int connections, String expect) {
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException(
                    "crowd --connections must be 1-" + MAX_CONNECTIONS + ", got " + connections);
        }
        this.target = Loopback.require(target);
        this.pid = pid;
        this.connections = connections;
        this.expect = expect;
    }

    /**
     * Parses {@code --target URL --pid PID [--connections N] [--expect TEXT]}.
     *
     * @param args the flags after {@code crowd}
     * @return the check
     */
    public static CrowdCheck parse(List<String> args) {
        URI target = null;
        long pid = -1;
        int n = 10_000;
        String expect = "\"type\":\"welcome\"";
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--target" -> target = URI.create(v);
                case "--pid" -> pid = Long.parseLong(v);
                case "--connections" -> n = Integer.parseInt(v);
                case "--expect" -> expect = v;
                default -> throw new IllegalArgumentException("crowd: unknown flag " + args.get(i));
            }
        }
        if (target == null || pid <= 0 || args.size() % 2 != 0) {
            throw new IllegalArgumentException("crowd needs --target ws://127.0.0.1:PORT/ and --pid PID");
        }
        return new CrowdCheck(target, pid, n, expect);
    }

    /**
     * Runs the check and prints its figures.
     *
     * @param out where the figures go
     * @throws Exception if the crowd cannot be started or the application's heap not read
     */
    public void run(PrintStream out) throws Exception {
        LongAdder welcomed = new LongAdder();
        FrameListener listener = new FrameListener() {
            @Override
            public void onText(Channel channel, ByteBuf text) {
                if (!channel.hasAttr(WELCOMED) && text.toString(StandardCharsets.UTF_8).contains(expect)) {
                    channel.attr(WELCOMED).set(Boolean.TRUE);
                    welcomed.increment();
                }
            }
        };
        long heapBefore = heapAfterGc();
        try (LoadClient client = new LoadClient(target, 1, Duration.ofSeconds(30))) {
            long server0 = CpuClock.of(pid);
            long load0 = CpuClock.self();
            long t0 = System.nanoTime();
            List<Channel> open = client.openAll(connections, i -> listener, DEADLINE);
            double openSecs = (System.nanoTime() - t0) / 1e9;
            long end = t0 + DEADLINE.toNanos();
            while (welcomed.sum() < open.size() && System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            double welcomedSecs = (System.nanoTime() - t0) / 1e9;
            double serverCpu = (CpuClock.of(pid) - server0) / 1e9;
            double loadCpu = (CpuClock.self() - load0) / 1e9;
            long heapWith = heapAfterGc();
            out.printf("crowd of %d at %s (pid %d)%n", connections, target, pid);
            out.printf("  opened %d in %.2f s; welcomed %d in %.2f s (%d not)%n", open.size(), openSecs,
                    welcomed.sum(), welcomedSecs, connections - welcomed.sum());
            out.printf("  heap after full GC: %.1f MiB before, %.1f MiB with the crowd (%.2f KiB/connection)%n",
                    heapBefore / 1048576.0, heapWith / 1048576.0, (heapWith - heapBefore) / 1024.0 / connections);
            out.printf("  RSS with the crowd: %.1f MiB%n", rssKiB() / 1024.0);
            out.printf("  cpu while connecting: server %.2f s (%.0f %% of a core), load %.2f s (%.0f %%)%n",
                    serverCpu, 100 * serverCpu / welcomedSecs, loadCpu, 100 * loadCpu / welcomedSecs);
            LoadClient.closeAll(open, Duration.ofSeconds(30));
        }
    }

    /** The application's heap in use right after a full GC, in bytes ({@code jcmd}). */
    private long heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        long bytes = usedHeapBytes(info);
        if (bytes < 0) {
            throw new IOException("no heap figure in jcmd " + pid + " GC.heap_info: " + info.strip());
        }
        return bytes;
    }

    /** @param heapInfo what {@code jcmd PID GC.heap_info} printed @return the heap in use, -1 when none is shown */
    static long usedHeapBytes(String heapInfo) {
        Matcher used = HEAP_USED.matcher(heapInfo);
        long kib = -1;
        while (used.find()) {
            kib = Math.max(kib, 0) + Long.parseLong(used.group(1));
        }
        return kib < 0 ? -1 : kib * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + text.strip());
        }
        return text;
    }

    private long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
