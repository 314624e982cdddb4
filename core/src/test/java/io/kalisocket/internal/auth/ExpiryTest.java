package io.kalisocket.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import io.kalisocket.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A live connection whose token expires is closed with 4001 {@code token expired} once its {@code exp} plus the clock
 * skew passes on the server's clock, unless its client called {@code {"ct":"auth","ac":"refresh","token":T}} with a
 * new token of the same {@code sub}, which moves the expiry (docs/AUTH.md).
 */
class ExpiryTest {

    private static final TestTokens HS = TestTokens.hs256(TestTokens.SECRET);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final FakeClock clock = new FakeClock();
    private final Instant start = clock.instant();

    @Test
    void expiredToken_closesTheConnectionWith4001_atExpPlusTheClockSkew() {
        try (TestServer server = start("close");
                TestClient ann = connected(server, HS.sign("ann", start.plusSeconds(60)))) {
            clock.advance(Duration.ofSeconds(60).plus(SKEW).minusMillis(1));
            assertThat(ann.call("me", "whoami").path("data").path("uid").asText()).isEqualTo("ann");
            clock.advance(Duration.ofMillis(1));
            assertThat(ann.awaitClose()).isEqualTo(ExpiryTimer.CODE);
        }
    }

    @Test
    void refresh_movesTheExpiry_andAnswersTheNewExp() {
        try (TestServer server = start("close");
                TestClient ann = connected(server, HS.sign("ann", start.plusSeconds(60)))) {
            clock.advance(Duration.ofSeconds(50));
            Instant later = start.plusSeconds(600);
            JsonNode reply = ann.call("auth", "refresh", "token", HS.sign("ann", later));
            assertThat(reply.path("code").asInt()).isZero();
            assertThat(reply.path("data").path("exp").asLong()).isEqualTo(later.getEpochSecond());
            clock.advance(Duration.ofSeconds(60)); // past the first token's exp + skew
            assertThat(ann.call("me", "whoami").path("data").path("claims").path("exp").asLong())
                    .isEqualTo(later.getEpochSecond());
            clock.advance(Duration.between(clock.instant(), later.plus(SKEW)));
            assertThat(ann.awaitClose()).isEqualTo(ExpiryTimer.CODE);
        }
    }

    @Test
    void refreshWithAnotherSub_is403_andLeavesTheExpiry() {
        try (TestServer server = start("close");
                TestClient ann = connected(server, HS.sign("ann", start.plusSeconds(60)))) {
            JsonNode reply = ann.call("auth", "refresh", "token", HS.sign("bob", start.plusSeconds(600)));
            assertThat(reply.path("code").asInt()).isEqualTo(403);
            assertThat(reply.path("msg").asText()).isEqualTo("token is for another user");
            clock.advance(Duration.ofSeconds(60).plus(SKEW));
            assertThat(ann.awaitClose()).isEqualTo(ExpiryTimer.CODE);
        }
    }

    @Test
    void refreshWithABadToken_is401WithItsReason() {
        try (TestServer server = start("close");
                TestClient ann = connected(server, HS.sign("ann", start.plusSeconds(60)))) {
            JsonNode expired = ann.call("auth", "refresh", "token", HS.sign("ann", start.minusSeconds(60)));
            assertThat(expired.path("code").asInt()).isEqualTo(401);
            assertThat(expired.path("msg").asText()).isEqualTo("token expired");
            assertThat(ann.call("auth", "refresh").path("msg").asText()).isEqualTo("token missing");
        }
    }

    @Test
    void expiryIgnore_keepsTheConnectionOpenPastExp() {
        try (TestServer server = start("ignore");
                TestClient ann = connected(server, HS.sign("ann", start.plusSeconds(60)))) {
            clock.advance(Duration.ofHours(1));
            assertThat(ann.call("me", "whoami").path("data").path("uid").asText()).isEqualTo("ann");
            assertThat(clock.scheduledTasks()).as("no expiry timer").isLessThanOrEqualTo(scheduledWithoutAuth());
        }
    }

    @Test
    void closedConnection_cancelsItsTimer() {
        try (TestServer server = start("close")) {
            int before = clock.scheduledTasks();
            TestClient ann = connected(server, HS.sign("ann", start.plusSeconds(60)));
            ann.call("me", "whoami");
            ann.close();
            await().until(() -> clock.scheduledTasks() <= before);
        }
    }

    private int scheduledWithoutAuth() {
        FakeClock other = new FakeClock();
        try (TestServer plain = TestServer.start(c -> KaliServer.create(c).clock(other)
                .controllers(AuthApp.MeController.class));
                TestClient ann = plain.connect()) {
            ann.call("me", "whoami");
            return other.scheduledTasks();
        }
    }

    private TestServer start(String expiry) {
        return TestServer.start(c -> KaliServer.create(c).clock(clock).controllers(AuthApp.MeController.class),
                "auth.jwt.secret", TestTokens.SECRET, "auth.expiry", expiry,
                "limits.idle-timeout", "24h"); // the clock moves by hours here: no idle close in the way
    }

    /**
     * Connects and waits until the server bound the principal and started its expiry timer (an action's answer: the
     * bind runs first on the connection's queue). Advancing the fake clock before that would race the timer's start,
     * which reads the clock and then schedules: a test must not move time in between.
     */
    private static TestClient connected(TestServer server, String token) {
        TestClient client = server.connect("token=" + token);
        client.call("me", "whoami");
        return client;
    }
}
