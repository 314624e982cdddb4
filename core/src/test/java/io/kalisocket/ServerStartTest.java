package io.kalisocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.server.app.ProbeController;
import io.kalisocket.spi.LocalNode;
import io.kalisocket.spi.NodeExtension;
import io.kalisocket.testing.TestClient;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a server starts: every port bound before anything else runs, a port in use said in one line, and nothing
 * left open by a start that failed. Real servers on loopback; ports chosen free by the test.
 */
class ServerStartTest {

    private static KaliConfig config(String... keyValues) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("server.port", "0");
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.put(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.of(overrides);
    }

    private static KaliServer probe(KaliConfig config) {
        return KaliServer.create(config).controllers(ProbeController.class);
    }

    private static void assertServes(RunningServer server) {
        try (TestClient client = TestClient.connect(server.port())) {
            client.send("~H#C~").awaitText("~H#S~");
        }
    }

    /** @return a port that is free now, and the one after it too */
    private static int freePortPair() throws IOException {
        while (true) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if (port < 65535 && isFree(port + 1)) {
                    return port;
                }
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nio", "epoll"})
    void theWebSocketPortInUse_failsInOneLine_andTheServerHoldingItKeepsServing(String transport) {
        assumeTrue(transport.equals("nio") || Epoll.isAvailable(), "epoll is not available here");
        try (RunningServer first = probe(config("server.transport", transport)).bind()) {
            AtomicBoolean workerStarted = new AtomicBoolean();
            KaliServer second = probe(config("server.transport", transport, "server.port",
                    String.valueOf(first.port()))).onWorkerStart(w -> workerStarted.set(true));

            assertThatThrownBy(second::bind).isInstanceOf(StartupException.class)
                    .hasMessage("websocket listener: 127.0.0.1:" + first.port() + " is in use (set server.port or --port)");
            assertThat(workerStarted).isFalse();
            assertServes(first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nio", "epoll"})
    void theAdminPortInUse_failsBeforeOnWorkerStart_andFreesTheWebSocketPort(String transport) throws Exception {
        assumeTrue(transport.equals("nio") || Epoll.isAvailable(), "epoll is not available here");
        try (RunningServer first = probe(config("admin.enabled", "true", "admin.port", "0")).bind()) {
            int taken = first.adminPort().orElseThrow();
            int port = freePortPair();
            AtomicBoolean workerStarted = new AtomicBoolean();
            KaliServer second = probe(config("server.transport", transport, "server.port", String.valueOf(port),
                    "admin.enabled", "true", "admin.port", String.valueOf(taken)))
                    .onWorkerStart(w -> workerStarted.set(true));

            assertThatThrownBy(second::bind).isInstanceOf(StartupException.class)
                    .hasMessage("admin listener: 127.0.0.1:" + taken + " is in use (set admin.port or --admin-port)");
            assertThat(workerStarted).isFalse();
            try (RunningServer third = probe(config("server.port", String.valueOf(port))).bind()) {
                assertThat(third.port()).isEqualTo(port);
                assertServes(third);
            }
        }
    }

    @Test
    void twoServersThatDifferOnlyInTheirPort_bothRun_eachWithItsAdminPortBesideIt() throws Exception {
        int portA = freePortPair();
        try (RunningServer a = probe(config("server.port", String.valueOf(portA), "admin.enabled", "true")).bind()) {
            int portB = freePortPair();
            try (RunningServer b = probe(config("server.port", String.valueOf(portB), "admin.enabled", "true")).bind()) {
                assertThat(a.adminPort()).hasValue(portA + 1);
                assertThat(b.adminPort()).hasValue(portB + 1);
                HttpClient http = HttpClient.newHttpClient();
                for (RunningServer server : List.of(a, b)) {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + server.adminPort().orElseThrow() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).isEqualTo(200);
                    assertServes(server);
                }
            }
        }
    }

    @Test
    void everyPortIsBound_beforeOnWorkerStartRuns() throws Exception {
        int port = freePortPair();
        List<Boolean> freeDuringWorkerStart = new CopyOnWriteArrayList<>();
        KaliServer server = probe(config("server.port", String.valueOf(port), "server.worker-threads", "1",
                "admin.enabled", "true")).onWorkerStart(w -> {
                    freeDuringWorkerStart.add(isFree(port));
                    freeDuringWorkerStart.add(isFree(port + 1));
                });
        try (RunningServer running = server.bind()) {
            assertThat(freeDuringWorkerStart).containsExactly(false, false);
        }
    }

    @Test
    void aClientThatConnectsDuringOnWorkerStart_waits_andIsServedOnceEveryWorkerStarted() throws Exception {
        int port = freePortPair();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inWorkerStart = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        KaliServer server = probe(config("server.port", String.valueOf(port), "server.worker-threads", "1"))
                .onWorkerStart(w -> {
                    inWorkerStart.countDown();
                    await().until(() -> release.getCount() == 0);
                    events.add("worker started");
                }).onConnect(conn -> events.add("connected"));
        CompletableFuture<RunningServer> starting = CompletableFuture.supplyAsync(server::bind);
        inWorkerStart.await();
        try (Socket early = new Socket(InetAddress.getLoopbackAddress(), port)) {
            release.countDown();
            try (RunningServer running = starting.join()) {
                OutputStream out = early.getOutputStream();
                out.write("GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = early.getInputStream();
                byte[] status = in.readNBytes("HTTP/1.1 404".length());
                assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 404");
                await().until(() -> events.size() == 2);
                assertThat(events).containsExactly("worker started", "connected");
            }
        }
    }

    @Test
    void aFailingOnWorkerStart_failsTheStartInOneLine_andReleasesEveryPort() throws Exception {
        int port = freePortPair();
        List<Integer> stopped = new CopyOnWriteArrayList<>();
        KaliServer server = probe(config("server.port", String.valueOf(port), "server.worker-threads", "2",
                "admin.enabled", "true")).onWorkerStart(w -> {
                    if (w.id() == 1) {
                        throw new IllegalStateException("database unreachable");
                    }
                }).onWorkerStop(w -> stopped.add(w.id()));

        assertThatThrownBy(server::bind).isInstanceOf(StartupException.class)
                .hasMessage("onWorkerStart failed on worker 1: java.lang.IllegalStateException: database unreachable");
        assertThat(stopped).containsExactly(0);
        assertThat(isFree(port)).isTrue();
        assertThat(isFree(port + 1)).isTrue();
    }

    @Test
    void anExtensionThatCannotJoin_failsTheStart_andReleasesEveryPort() throws Exception {
        int port = freePortPair();
        KaliServer server = probe(config("server.port", String.valueOf(port), "admin.enabled", "true"))
                .use(new NodeExtension() {
                    @Override
                    public Gateway gateway(LocalNode node) {
                        throw new IllegalStateException("Redis at 127.0.0.1:1 cannot be reached");
                    }
                });

        assertThatThrownBy(server::bind).hasMessage("Redis at 127.0.0.1:1 cannot be reached");
        assertThat(isFree(port)).isTrue();
        assertThat(isFree(port + 1)).isTrue();
    }
}
