package io.kalisocket.client;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The demo fat jar as a child process on a free port, the server the docs' samples talk to (as the Node and
 * browser suites do). The jar is built before this module in the reactor; where it is missing, a test is skipped
 * with a message, except under {@code CI=true}, where it fails (the policy of {@code scripts/js-tests.sh}).
 */
final class DemoProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private DemoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(() -> copy(process.getInputStream()), "demo-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param repo the checkout's root @return the demo, listening */
    static DemoProcess start(Path repo) throws IOException {
        Path jar = Path.of(System.getenv().getOrDefault("KS_DEMO_JAR",
                repo.resolve("demo/target/kalisocket-demo.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            String why = jar + " is missing: build it first (mvn -B verify from the root does)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        int port = TestServer.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port", String.valueOf(port),
                "--admin-port", "0")).redirectErrorStream(true).start();
        DemoProcess demo = new DemoProcess(process, port);
        await().atMost(START).until(() -> demo.output().contains("listening") || !process.isAlive());
        Assertions.assertTrue(process.isAlive(), () -> "the demo exited early:\n" + demo.output());
        return demo;
    }

    /** @return the demo's WebSocket address */
    URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    /** @return what the demo printed so far */
    String output() {
        return output.toString();
    }

    private void copy(InputStream in) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = reader.read(buffer)) > 0; ) {
                output.append(buffer, 0, n);
            }
        } catch (IOException e) {
            output.append("\n[reading the demo's output failed: ").append(e).append(']');
        }
    }

    /** Stops it gracefully (SIGTERM), killing it if it has not exited within a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
