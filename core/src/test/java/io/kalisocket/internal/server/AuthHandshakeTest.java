package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.internal.auth.AuthApp;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestTokens;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With {@code auth.jwt.secret} or {@code auth.jwt.public-key-file} set, every handshake needs a valid token
 * ({@code ?token=} or one {@code Authorization: Bearer}); the uid is the token's {@code sub}, bound before the
 * {@code online} connect action, whatever {@code ?uid=} says; every bad token is refused with 401 and a short reason
 * (docs/AUTH.md).
 */
class AuthHandshakeTest {

    private static final TestTokens HS = TestTokens.hs256(TestTokens.SECRET);

    private final FakeClock clock = new FakeClock();
    private final Instant inAMinute = clock.instant().plusSeconds(60);

    @TempDir
    Path dir;

    /* ---------------- accepted: the uid is the sub ---------------- */

    @Test
    void hs256TokenInTheQuery_connects_andTheOnlineActionSeesTheSubAsUid_notTheQuerysUid() {
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET);
                TestClient ann = TestClient.connect(server.port(), "uid=mallory&token=" + HS.sign("ann", inAMinute))) {
            JsonNode online = ann.awaitType("online");
            assertThat(online.path("uid").asText()).isEqualTo("ann");
            assertThat(online.path("gateway_uid").asText()).isEqualTo("ann");
            assertThat(online.path("uid_online").asBoolean()).isTrue();
            assertThat(online.path("param_uid").asText()).isEqualTo("ann");
            assertThat(ann.call("me", "whoami").path("data").path("claims").path("sub").asText()).isEqualTo("ann");
        }
    }

    @Test
    void tokenInOneBearerHeader_connects() {
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET);
                TestClient bob = TestClient.to(URI.create("ws://127.0.0.1:" + server.port() + "/"))
                        .header("Authorization", "Bearer " + HS.sign("bob", inAMinute)).connect()) {
            assertThat(bob.awaitType("online").path("uid").asText()).isEqualTo("bob");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyPairs")
    void publicKeyFile_verifiesItsAlgorithm(String name, Supplier<TestTokens> keys) {
        TestTokens tokens = keys.get();
        try (RunningServer server = start("auth.jwt.public-key-file", tokens.writePublicKey(dir).toString());
                TestClient cy = TestClient.connect(server.port(), "token=" + tokens.sign("cy", inAMinute))) {
            assertThat(cy.awaitType("online").path("uid").asText()).isEqualTo("cy");
            assertRefused(server, "token=" + HS.sign("cy", inAMinute), Map.of(),
                    "algorithm HS256 not accepted"); // a public key is never taken for an HMAC secret
        }
    }

    static Stream<Arguments> keyPairs() {
        return Stream.of(Arguments.of("RS256", (Supplier<TestTokens>) TestTokens::rs256),
                Arguments.of("ES256", (Supplier<TestTokens>) TestTokens::es256));
    }

    /* ---------------- refused: 401 and a short reason ---------------- */

    @Test
    void noToken_isRefused() {
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET)) {
            assertRefused(server, "uid=ann", Map.of(), "token missing");
        }
    }

    @Test
    void badSignature_isRefused() {
        String forged = TestTokens.hs256("another secret of at least 32 bytes!").sign("ann", inAMinute);
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET)) {
            assertRefused(server, "token=" + forged, Map.of(), "bad signature");
        }
    }

    @Test
    void algNone_isRefused() {
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET)) {
            assertRefused(server, "token=" + TestTokens.unsigned("ann"), Map.of(), "unsigned token");
        }
    }

    @Test
    void expiredToken_isRefused_pastTheClockSkew() {
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET)) {
            String withinSkew = HS.sign("ann", clock.instant().minusSeconds(29));
            try (TestClient ann = TestClient.connect(server.port(), "token=" + withinSkew)) {
                assertThat(ann.awaitType("online").path("uid").asText()).isEqualTo("ann");
            }
            assertRefused(server, "token=" + HS.sign("ann", clock.instant().minusSeconds(31)), Map.of(),
                    "token expired");
        }
    }

    @Test
    void wrongAudienceOrIssuer_isRefused() {
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET, "auth.jwt.audience", "chat",
                "auth.jwt.issuer", "https://login.example")) {
            String otherAudience = HS.sign(c -> c.subject("ann").audience("billing").issuer("https://login.example"));
            String otherIssuer = HS.sign(c -> c.subject("ann").audience("chat").issuer("https://evil.example"));
            String right = HS.sign(c -> c.subject("ann").audience("chat").issuer("https://login.example"));
            assertRefused(server, "token=" + otherAudience, Map.of(), "wrong audience");
            assertRefused(server, "token=" + otherIssuer, Map.of(), "wrong issuer");
            try (TestClient ann = TestClient.connect(server.port(), "token=" + right)) {
                assertThat(ann.awaitType("online").path("uid").asText()).isEqualTo("ann");
            }
        }
    }

    @Test
    void twoAuthorizationHeaders_areRefused() {
        String token = HS.sign("ann", inAMinute);
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET)) {
            // The raw request writes each header as given: the value's CRLF makes the second header line.
            assertRefused(server, "", Map.of("Authorization", "Bearer " + token + "\r\nAuthorization: Bearer " + token),
                    "one Authorization header only");
            assertRefused(server, "token=" + token, Map.of("Authorization", "Bearer " + token), "one token only");
        }
    }

    @Test
    void tokenWithoutSub_isRefused() {
        try (RunningServer server = start("auth.jwt.secret", TestTokens.SECRET)) {
            assertRefused(server, "token=" + HS.sign(c -> c.issuer("x")), Map.of(), "token has no sub");
        }
    }

    @Test
    void withoutAuthKeys_theQuerysUidIsTheConnectActionsToBind_asBefore() {
        try (RunningServer server = start();
                TestClient ann = TestClient.connect(server.port(), "uid=ann")) {
            JsonNode online = ann.awaitType("online");
            assertThat(online.path("uid").asText()).isEmpty();
            assertThat(online.path("param_uid").asText()).isEqualTo("ann");
        }
    }

    private RunningServer start(String... keyValues) {
        String[] all = Stream.concat(Stream.of(keyValues), Stream.of("connect-actions.enabled", "true"))
                .toArray(String[]::new);
        return TestServers.probe(config -> KaliServer.create(config).clock(clock)
                .controllers(AuthApp.IndexController.class, AuthApp.MeController.class), all);
    }

    private static void assertRefused(RunningServer server, String query, Map<String, String> headers, String reason) {
        UpgradeAnswer answer = UpgradeAnswer.upgrade(server.port(), "/?" + query, headers);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"status\":401,\"reason\":\"" + reason + "\"}");
    }
}
