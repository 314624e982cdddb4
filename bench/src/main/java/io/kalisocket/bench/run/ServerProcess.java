package io.kalisocket.bench.run;

import io.kalisocket.bench.server.ArrivalProbe;
import io.kalisocket.bench.server.ServerKind;
import io.kalisocket.bench.server.ServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A server in a JVM of its own: this jar's {@code server} sub-command, started with
 * {@link ProcessBuilder}, pinned and limited by a command prefix, and driven over its standard
 * input and output (see {@link ServerMain}). Its standard error goes to a log file.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;
    private final Path log;

    private ServerProcess(Process process, Path log) throws IOException, InterruptedException {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::readLines, "server-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        String ready = await(ServerMain.READY, START_TIMEOUT);
        this.port = Integer.parseInt(ready.substring(ServerMain.READY.length()).trim());
    }

    /**
     * Starts a server and waits until it listens.
     *
     * @param kind   which server
     * @param java   the java binary
     * @param prefix command prefix (taskset, prlimit), may be empty
     * @param jvmArgs extra JVM options
     * @return the running process
     * @throws IOException if it cannot start or never reports ready
     * @throws InterruptedException if interrupted while waiting
     */
    public static ServerProcess start(ServerKind kind, Path java, List<String> prefix, List<String> jvmArgs)
            throws IOException, InterruptedException {
        return start(kind, java, prefix, jvmArgs, List.of());
    }

    /**
     * Starts a server with extra server flags and waits until it listens.
     *
     * @param kind       which server
     * @param java       the java binary
     * @param prefix     command prefix (taskset, prlimit), may be empty
     * @param jvmArgs    extra JVM options
     * @param serverArgs flags of the {@code server} sub-command, e.g. {@code --redis URI --node-id a}
     *                   (see {@link io.kalisocket.bench.server.ServerFlags})
     * @return the running process
     * @throws IOException if it cannot start or never reports ready
     * @throws InterruptedException if interrupted while waiting
     */
    public static ServerProcess start(ServerKind kind, Path java, List<String> prefix, List<String> jvmArgs,
                                      List<String> serverArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(java.toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "io.kalisocket.bench.Main", "server", kind.id(), "--port", "0"));
        cmd.addAll(serverArgs);
        Path log = Files.createTempFile("kalisocket-bench-" + kind.id() + "-", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        try {
            return new ServerProcess(p, log);
        } catch (IOException | RuntimeException | InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("EOF " + e.getMessage());
        }
    }

    private String await(String prefix, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("server said no '" + prefix.trim() + "' in " + timeout.toSeconds()
                        + " s (alive: " + process.isAlive() + "); see " + log);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /**
     * The server's loopback port.
     *
     * @return port number
     */
    public int port() {
        return port;
    }

    /**
     * Whether the server process is still running.
     *
     * @return true while alive
     */
    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Heap in use after full collections in the server.
     *
     * @return bytes
     * @throws IOException if the server does not answer within 60 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public long heapAfterGc() throws IOException, InterruptedException {
        return ask("heap", ServerMain.HEAP);
    }

    /**
     * The highest heap use in the server since the previous call (the first call starts the watch and answers
     * the heap in use now).
     *
     * @return bytes
     * @throws IOException if the server does not answer within 60 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public long peakHeap() throws IOException, InterruptedException {
        return ask("peak", ServerMain.PEAK);
    }

    /**
     * WebSocket sockets open in the server now.
     *
     * @return the count, or -1 when the server does not count them
     * @throws IOException if the server does not answer within 60 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public long openSockets() throws IOException, InterruptedException {
        return ask("sockets", ServerMain.SOCKETS);
    }

    /**
     * Time the server's JIT compilers have spent so far.
     *
     * @return milliseconds, or -1 when its JVM does not say
     * @throws IOException if the server does not answer within 60 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public long compileMillis() throws IOException, InterruptedException {
        return ask("jit", ServerMain.JIT);
    }

    /**
     * When the echo requests of a fixed-rate run reached the server's handler since the previous call (the first
     * call: since it started), from their intended and from their actual send time; see {@link ArrivalProbe}.
     *
     * @return both histograms, in nanoseconds
     * @throws IOException if the server does not answer within 60 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public Arrivals arrivals() throws IOException, InterruptedException {
        String[] words = askText("arrivals", ServerMain.ARRIVALS).split(" ");
        return new Arrivals(ArrivalProbe.decode(words[0]), ArrivalProbe.decode(words[1]));
    }

    /**
     * Arrivals at the server's echo handler.
     *
     * @param fromIntended from each request's intended send time (the generator's lag included)
     * @param fromSent     from the moment the generator wrote it
     */
    public record Arrivals(Histogram fromIntended, Histogram fromSent) {
    }

    private long ask(String command, String answer) throws IOException, InterruptedException {
        return Long.parseLong(askText(command, answer));
    }

    private String askText(String command, String answer) throws IOException, InterruptedException {
        OutputStream in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
        return await(answer, Duration.ofSeconds(60)).substring(answer.length()).trim();
    }

    /**
     * What the server's registries hold now.
     *
     * @return connections open, client ids, uids and groups, in that order (-1 each when the server has none)
     * @throws IOException if the server does not answer within 60 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public long[] registries() throws IOException, InterruptedException {
        String[] words = askText("registries", ServerMain.REGISTRIES).split(" ");
        long[] counts = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            counts[i] = Long.parseLong(words[i]);
        }
        return counts;
    }

    /**
     * Counts the lines of the server's standard error (its log) that contain a text, e.g. Netty's {@code LEAK:}.
     *
     * @param text what to look for
     * @return how many lines contain it so far
     * @throws IOException if the log cannot be read
     */
    public long logLinesContaining(String text) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) { // any bytes: a log line may be cut
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /**
     * The server's resident set size, from {@code /proc/PID/status}.
     *
     * @return bytes
     * @throws IOException if it cannot be read
     */
    public long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for pid " + process.pid());
    }

    /** @return the server's process id */
    public long pid() {
        return process.pid();
    }

    /** Asks the server to quit, then kills it if it has not gone within 10 seconds. */
    @Override
    public void close() {
        try {
            process.getOutputStream().write("quit\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
