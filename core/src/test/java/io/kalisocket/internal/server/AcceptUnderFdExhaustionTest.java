package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.internal.server.app.ProbeServerMain;
import io.kalisocket.testing.TestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the process runs out of file descriptors (EMFILE), the acceptor must not die: the server keeps
 * serving the connections it has and accepts again once descriptors free up. The server runs in its own
 * process with a low fd limit ({@code ulimit -n}), so the test JVM is not starved.
 */
class AcceptUnderFdExhaustionTest {

    private static final int FD_LIMIT = 256;
    /** More TCP connections than the server process can hold descriptors for. */
    private static final int FLOOD = 400;

    private Process server;
    private final List<String> serverOutput = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Socket> flood = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (Socket s : flood) {
            s.close();
        }
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void acceptorSurvivesEmfileAndResumesWhenDescriptorsFreeUp() throws Exception {
        int port = startServer();
        try (TestClient existing = TestClient.connect(port)) {
            // Warm the message path first: this test server loads classes from a folder, one file (one fd) per
            // class, which fails under EMFILE. A fat jar (the demo's) keeps its one file open instead.
            existing.send("~H#C~").send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":0}");
            existing.awaitMessages(2);
            for (int i = 0; i < FLOOD; i++) {
                flood.add(new Socket("127.0.0.1", port)); // the kernel queues them; the server cannot take them all
            }
            await().atMost(TestClient.WAIT).until(() -> serverOutput.stream().anyMatch(l -> l.contains("Too many open files")));
            existing.send("~H#C~");
            assertThat(existing.awaitMessages(3).get(2)).isEqualTo("~H#S~");
            assertThat(server.isAlive()).isTrue();

            for (Socket s : flood) {
                s.close();
            }
            flood.clear();
            await().atMost(TestClient.WAIT.multipliedBy(2)).ignoreExceptions().untilAsserted(() -> {
                try (TestClient fresh = TestClient.connect(port)) {
                    fresh.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":\"back\"}");
                    assertThat(TestClient.parse(fresh.awaitMessages(1).get(0)).get("data").asText()).isEqualTo("back");
                }
            });
            existing.send("~H#C~");
            assertThat(existing.awaitMessages(4).get(3)).isEqualTo("~H#S~");
        }
    }

    private int startServer() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -n " + FD_LIMIT + " && exec '" + java + "' -Xmx128m -cp '"
                + System.getProperty("java.class.path") + "' " + ProbeServerMain.class.getName()
                + " limits.handshake-timeout=60s";
        server = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String[] port = new String[1];
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    serverOutput.add(line);
                    if (line.startsWith("PORT ")) {
                        port[0] = line.substring(5).trim();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "probe-server-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(TestClient.WAIT.multipliedBy(2)).until(() -> port[0] != null || !server.isAlive());
        assertThat(server.isAlive()).as("probe server started; its output: %s", serverOutput).isTrue();
        server.onExit().orTimeout(1, TimeUnit.DAYS);
        return Integer.parseInt(port[0]);
    }
}
