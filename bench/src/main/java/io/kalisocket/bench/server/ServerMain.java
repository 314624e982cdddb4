package io.kalisocket.bench.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * The {@code server} sub-command: runs one server in this JVM, controlled by the runner
 * through standard input and output.
 *
 * <p>Protocol: prints {@code READY <port>} once listening; answers the line {@code heap} with
 * {@code HEAP <bytes>}, the heap in use after full collections; stops on {@code quit} or at
 * the end of its input (so it never outlives the runner).
 */
public final class ServerMain {

    /** Line printed once the server listens. */
    public static final String READY = "READY ";
    /** Line prefix of the answer to {@code heap}. */
    public static final String HEAP = "HEAP ";

    private ServerMain() {
    }

    /**
     * Runs a server until told to stop.
     *
     * @param args {@code baseline|kali [--port P]}
     * @throws Exception if the server cannot start
     */
    public static void run(String... args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("server needs a kind: baseline or kali");
        }
        int port = 0;
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--port")) {
                throw new IllegalArgumentException("unknown server flag " + args[i]);
            }
            port = Integer.parseInt(args[i + 1]);
        }
        try (RunningBenchServer server = ServerKind.of(args[0]).start(port)) {
            // Logging once at start-up also loads the time-zone rules, which need a file descriptor:
            // a first log line written at fd exhaustion would otherwise kill the logging thread.
            LoggerFactory.getLogger(ServerMain.class).info("{} server listening on 127.0.0.1:{}", args[0], server.port());
            System.out.println(READY + server.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("heap")) {
                    System.out.println(HEAP + heapAfterFullGc());
                    System.out.flush();
                }
            }
        }
    }

    private static long heapAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
