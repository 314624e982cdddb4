package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Every refused WebSocket upgrade answers its HTTP status with {@code {"status":S,"reason":R}} and
 * {@code Connection: close}, is counted by reason, logged at INFO at most once a second per reason, and can be looked
 * up by the client that sent a {@code ks_refusal} id (docs/SECURITY.md, "Refused handshakes").
 */
class HandshakeRefusalsTest {

    private final FakeClock clock = new FakeClock();
    private final Logger logger = (Logger) LoggerFactory.getLogger(HandshakeRefusals.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
    }

    /* ---------------- each refusal: its status, a JSON reason, Connection: close ---------------- */

    @Test
    void wrongPath_isRefusedWith404() {
        try (RunningServer server = TestServers.probe()) {
            UpgradeAnswer answer = UpgradeAnswer.upgrade(server.port(), "/chat", Map.of());
            assertRefusal(answer, 404, "no WebSocket endpoint at /chat");
            assertThat(server.counters().refusalsByReason()).containsEntry("path", 1L);
        }
    }

    @Test
    void forbiddenOrigin_isRefusedWith403() {
        try (RunningServer server = TestServers.probe("http.allowed-origins", "https://good.example")) {
            assertRefusal(UpgradeAnswer.upgrade(server.port(), "/", Map.of("Origin", "https://evil.example")),
                    403, "origin not allowed");
            assertRefusal(UpgradeAnswer.upgrade(server.port(), "/", Map.of()), 403, "origin not allowed");
            assertThat(server.counters().refusalsByReason()).containsEntry("origin", 2L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "limits.max-connections-per-ip, 429, too many connections from 127.0.0.1",
        "limits.max-connections,        503, too many connections"})
    void tooManyConnections_perIpOrInTotal_isRefusedWithItsStatus(String key, int status, String reason) {
        try (RunningServer server = TestServers.probe(key, "1");
                TestClient held = TestClient.connect(server.port())) {
            assertRefusal(UpgradeAnswer.upgrade(server.port(), "/", Map.of()), status, reason);
            assertThat(server.counters().refusalsByReason()).containsEntry(key.substring("limits.".length()), 1L);
        }
    }

    @Test
    void onWebSocketConnectReject_isAnsweredWithItsStatusAndReason() {
        try (RunningServer server = TestServers.probe(config -> KaliServer.create(config)
                .onWebSocketConnect((conn, handshake) -> handshake.reject(401, "token expired")))) {
            assertRefusal(UpgradeAnswer.upgrade(server.port(), "/", Map.of()), 401, "token expired");
            assertThat(server.counters().refusalsByReason()).containsEntry("rejected-by-app", 1L);
        }
    }

    @Test
    void onWebSocketConnectFailure_isAnswered500WithoutItsDetails() {
        try (RunningServer server = TestServers.probe(config -> KaliServer.create(config)
                .onWebSocketConnect((conn, handshake) -> {
                    throw new IllegalStateException("db password is hunter2");
                }))) {
            assertRefusal(UpgradeAnswer.upgrade(server.port(), "/", Map.of()), 500, "internal error");
        }
    }

    @Test
    void reason_isJsonEscaped() {
        try (RunningServer server = TestServers.probe(config -> KaliServer.create(config)
                .onWebSocketConnect((conn, handshake) -> handshake.reject(403, "say \"please\"\n")))) {
            assertThat(UpgradeAnswer.upgrade(server.port(), "/", Map.of()).body())
                    .isEqualTo("{\"status\":403,\"reason\":\"say \\\"please\\\"\\n\"}");
        }
    }

    /* ---------------- the log: once per reason per second ---------------- */

    @Test
    void identicalRefusalsInOneSecond_areLoggedOnceAtInfo_withTheCountLeftOut() {
        try (RunningServer server = onFakeTime("http.allowed-origins", "https://good.example")) {
            for (int i = 0; i < 10; i++) {
                assertThat(UpgradeAnswer.upgrade(server.port(), "/", Map.of()).status()).isEqualTo(403);
            }
            assertThat(infoLines()).singleElement().asString()
                    .isEqualTo("refused WebSocket upgrade from 127.0.0.1: 403 origin not allowed (origin; 0 more "
                            + "refusals for this reason since the last line)");
            clock.advance(HandshakeRefusals.LOG_INTERVAL);
            UpgradeAnswer.upgrade(server.port(), "/", Map.of());
            assertThat(infoLines()).hasSize(2).last().asString().contains("(origin; 9 more refusals");
            assertThat(server.counters().refusalsByReason()).containsEntry("origin", 11L);
        }
    }

    @Test
    void differentReasons_eachGetTheirLine() {
        try (RunningServer server = onFakeTime("http.allowed-origins", "https://good.example")) {
            UpgradeAnswer.upgrade(server.port(), "/", Map.of());
            UpgradeAnswer.upgrade(server.port(), "/elsewhere", Map.of());
            assertThat(infoLines()).hasSize(2);
        }
    }

    /* ---------------- the client's look-up ---------------- */

    @Test
    void lookup_answersTheRefusalOfTheClientsId_fromAnyOrigin() {
        try (RunningServer server = onFakeTime("http.allowed-origins", "https://good.example")) {
            UpgradeAnswer.upgrade(server.port(), "/?uid=7&ks_refusal=abcdefgh12", Map.of());
            UpgradeAnswer lookup = UpgradeAnswer.get(server.port(), "/?ks_refusal=abcdefgh12");
            assertThat(lookup.status()).isEqualTo(200);
            assertThat(lookup.body()).isEqualTo("{\"status\":403,\"reason\":\"origin not allowed\"}");
            assertThat(lookup.header("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(lookup.header("Cache-Control")).hasValue("no-store");
            assertThat(UpgradeAnswer.get(server.port(), "/other/path?ks_refusal=abcdefgh12").status())
                    .as("any path: the refused one may not exist").isEqualTo(200);
        }
    }

    @Test
    void lookup_ofAnUnknownOrExpiredId_isAnswered204() {
        try (RunningServer server = onFakeTime("http.allowed-origins", "https://good.example")) {
            assertThat(UpgradeAnswer.get(server.port(), "/?ks_refusal=neverrefused").status()).isEqualTo(204);
            UpgradeAnswer.upgrade(server.port(), "/?ks_refusal=abcdefgh12", Map.of());
            clock.advance(RecentRefusals.KEPT);
            assertThat(UpgradeAnswer.get(server.port(), "/?ks_refusal=abcdefgh12").status()).isEqualTo(204);
        }
    }

    @Test
    void refusalId_isNotPassedToTheApplication() {
        try (RunningServer server = TestServers.probe(config -> KaliServer.create(config)
                .onWebSocketConnect((conn, handshake) -> {
                    if (handshake.queryParam(RecentRefusals.PARAM).isPresent()) {
                        handshake.reject(400, "saw the id");
                    }
                }))) {
            assertThat(UpgradeAnswer.upgrade(server.port(), "/?ks_refusal=abcdefgh12", Map.of()).status())
                    .isEqualTo(101);
        }
    }

    private static void assertRefusal(UpgradeAnswer answer, int status, String reason) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValue("application/json");
        assertThat(answer.header("Connection")).hasValue("close");
        assertThat(answer.body()).isEqualTo(new String(HandshakeRefusals.body(status, reason)))
                .isEqualTo("{\"status\":" + status + ",\"reason\":\"" + reason + "\"}");
    }

    private List<String> infoLines() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private RunningServer onFakeTime(String... keyValues) {
        return TestServers.probe(c -> KaliServer.create(c).clock(clock), keyValues);
    }
}
