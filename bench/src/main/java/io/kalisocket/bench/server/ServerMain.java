package io.kalisocket.bench.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/**
 * The {@code server} sub-command: runs one server in this JVM, controlled by the runner
 * through standard input and output.
 *
 * <p>Protocol: prints {@code READY <port>} once listening; answers the line {@code heap} with
 * {@code HEAP <bytes>}, the heap in use after full collections, {@code peak} with {@code PEAK <bytes>},
 * the highest heap use since the previous {@code peak} (the first one starts the watch, see {@link HeapPeak}),
 * {@code sockets} with {@code SOCKETS <n>}, the WebSocket sockets open now (-1 when the server does not count
 * them), {@code jit} with {@code JIT <ms>}, the time its JIT compilers have spent so far (-1 when unknown), and
 * {@code arrivals} with {@code ARRIVALS <from intended> <from sent>}, the {@link ArrivalProbe}'s histograms since
 * the previous {@code arrivals}, each encoded by {@link ArrivalProbe#encode}, and {@code registries} with
 * {@code REGISTRIES <connections> <client ids> <uids> <groups>}, what the server's registries hold now (-1 each when
 * it has none); stops on {@code quit} or at the end of its input (so it never outlives the runner).
 */
public final class ServerMain {

    /** Line printed once the server listens. */
    public static final String READY = "READY ";
    /** Line prefix of the answer to {@code heap}. */
    public static final String HEAP = "HEAP ";
    /** Line prefix of the answer to {@code peak}. */
    public static final String PEAK = "PEAK ";
    /** Line prefix of the answer to {@code jit}. */
    public static final String JIT = "JIT ";
    /** Line prefix of the answer to {@code sockets}. */
    public static final String SOCKETS = "SOCKETS ";
    /** Line prefix of the answer to {@code arrivals}. */
    public static final String ARRIVALS = "ARRIVALS ";
    /** Line prefix of the answer to {@code registries}. */
    public static final String REGISTRIES = "REGISTRIES ";

    private ServerMain() {
    }

    /**
     * Runs a server until told to stop.
     *
     * @param args {@code baseline|kali} then the {@link ServerFlags}
     * @throws Exception if the server cannot start
     */
    public static void run(String... args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("server needs a kind: baseline or kali");
        }
        ServerFlags flags = ServerFlags.parse(Arrays.copyOfRange(args, 1, args.length));
        ArrivalProbe arrivals = new ArrivalProbe();
        try (HeapPeak peak = new HeapPeak();
             RunningBenchServer server = ServerKind.of(args[0]).start(flags, arrivals)) {
            // Logging once at start-up also loads the time-zone rules, which need a file descriptor:
            // a first log line written at fd exhaustion would otherwise kill the logging thread.
            LoggerFactory.getLogger(ServerMain.class).info("{} server listening on 127.0.0.1:{}", args[0], server.port());
            System.out.println(READY + server.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                switch (line) {
                    case "heap" -> System.out.println(HEAP + heapAfterFullGc());
                    case "peak" -> System.out.println(PEAK + peak.takePeak());
                    case "sockets" -> System.out.println(SOCKETS + server.openSockets());
                    case "jit" -> System.out.println(JIT + compileMillis());
                    case "arrivals" -> System.out.println(ARRIVALS + arrivals.takeInterval());
                    case "registries" -> System.out.println(REGISTRIES + server.registries());
                    default -> System.out.println("UNKNOWN " + line);
                }
                System.out.flush();
            }
        }
    }

    /** @return milliseconds the JIT compilers have spent so far, or -1 when this JVM does not say */
    static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private static long heapAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
