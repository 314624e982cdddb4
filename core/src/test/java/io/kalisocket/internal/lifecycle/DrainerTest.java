package io.kalisocket.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kalisocket.KaliServer;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The graceful stop ends when the last client has closed, not at the end of {@code shutdown.grace}: a browser
 * keeps the HTTP connection of its page load open (keep-alive), and the drain closes such connections between
 * two requests instead of waiting for them. The grace and the handshake timeout are 60 s here, so a drain that
 * waited for the page's connection could not end within the 20 s the tests allow (a bound, not a speed claim).
 */
class DrainerTest {

    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private final Logger drainLog = (Logger) LoggerFactory.getLogger(Drainer.class);
    private final ListAppender<ILoggingEvent> drainLines = new ListAppender<>();

    @AfterEach
    void detachLog() {
        drainLog.detachAppender(drainLines);
    }

    @Test
    void stop_endsWhenTheLastClientClosed_thoughAPageLoadLeftItsHttpConnectionOpen() throws Exception {
        try (TestServer server = TestServer.start(KaliServer::create, "server.static-root", "public",
                "shutdown.grace", "60s", "limits.handshake-timeout", "60s");
                Socket page = new Socket("127.0.0.1", server.port())) {
            assertThat(get(page, "/")).contains("<title>probe</title>");
            TestClient client = server.connect();

            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> server.running().stop(GRACE));

            await().atMost(BOUND).until(stop::isDone);
            assertThat(client.awaitClose()).isEqualTo(1012);
            assertThat(page.getInputStream().read()).as("the idle page connection is closed").isEqualTo(-1);
        }
    }

    @Test
    void stop_letsAnUpgradeWhoseCheckIsRunningComplete() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        drainLines.start();
        drainLog.addAppender(drainLines);
        try (TestServer server = TestServer.start(config -> KaliServer.create(config).onWebSocketConnect((c, h) -> {
            checking.countDown();
            block(release);
        }), "shutdown.grace", "60s", "limits.handshake-timeout", "60s")) {
            CompletableFuture<WebSocket> upgrade = TestClient.attempt(
                    URI.create("ws://127.0.0.1:" + server.port() + "/"), Map.of());
            assertThat(checking.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> server.running().stop(GRACE));
            // The drain has begun while the application still checks the upgrade: it must not close that socket.
            await().atMost(BOUND).until(() -> drainLines.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().startsWith("draining")));
            release.countDown();

            assertThat(upgrade).succeedsWithin(BOUND);
            await().atMost(BOUND).until(stop::isDone);
        }
    }

    /** Sends a keep-alive GET on {@code socket} and reads exactly its response, leaving the connection open. */
    private static String get(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("response head").isNotNegative();
            head.write(b);
        }
        Matcher length = CONTENT_LENGTH.matcher(head.toString(StandardCharsets.US_ASCII));
        assertThat(length.find()).as("a keep-alive response has a length").isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return head.toString(StandardCharsets.US_ASCII) + new String(body, StandardCharsets.UTF_8);
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
