package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.LimitsConfig;
import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code limits.handshakes-per-ip-per-second}: upgrade requests per real IP in a one-second window of the server's
 * clock (here a fake one); past it, HTTP 429 with a reason. The clients here come through a trusted proxy on
 * loopback (the default {@code http.trusted-proxies}) with a forwarded IP: loopback clients themselves are not
 * counted.
 */
class HandshakeRateTest {

    private static final Map<String, String> CLIENT = Map.of("X-Real-IP", "203.0.113.9");

    private final FakeClock clock = new FakeClock();

    @Test
    void default_is20PerSecond() {
        assertThat(LimitsConfig.defaults().handshakesPerIpPerSecond()).isEqualTo(20);
    }

    @Test
    void the21stHandshakeInASecond_isRefusedWith429_theNextSecondIsAllowed() {
        try (RunningServer server = onFakeTime()) {
            for (int i = 1; i <= 20; i++) {
                assertThat(upgradeStatus(server, CLIENT)).as("handshake %d", i).isEqualTo(101);
            }
            UpgradeAnswer refused = UpgradeAnswer.upgrade(server.port(), "/", CLIENT);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("{\"status\":429,\"reason\":\"too many handshakes from 203.0.113.9\"}");
            clock.advance(Duration.ofSeconds(1));
            assertThat(upgradeStatus(server, CLIENT)).isEqualTo(101);
            assertThat(server.counters().refusalsByReason()).containsEntry("handshakes-per-ip-per-second", 1L);
        }
    }

    @Test
    void refusedHandshakes_countToo_soAClientRetryingAtOnceStaysRefused() {
        try (RunningServer server = onFakeTime("limits.handshakes-per-ip-per-second", "2")) {
            assertThat(upgradeStatus(server, CLIENT)).isEqualTo(101);
            assertThat(upgradeStatus(server, CLIENT)).isEqualTo(101);
            for (int i = 0; i < 5; i++) {
                assertThat(upgradeStatus(server, CLIENT)).isEqualTo(429);
            }
            clock.advance(Duration.ofMillis(999));
            assertThat(upgradeStatus(server, CLIENT)).as("still the same second").isEqualTo(429);
        }
    }

    @Test
    void theLimitIsPerRealIp_behindATrustedProxy() {
        try (RunningServer server = onFakeTime("limits.handshakes-per-ip-per-second", "1")) {
            assertThat(upgradeStatus(server, Map.of("X-Real-IP", "203.0.113.1"))).isEqualTo(101);
            assertThat(upgradeStatus(server, Map.of("X-Real-IP", "203.0.113.1"))).isEqualTo(429);
            assertThat(upgradeStatus(server, Map.of("X-Real-IP", "203.0.113.2"))).isEqualTo(101);
        }
    }

    @Test
    void loopbackClients_areNotCounted() {
        try (RunningServer server = onFakeTime("limits.handshakes-per-ip-per-second", "1")) {
            for (int i = 0; i < 5; i++) {
                assertThat(upgradeStatus(server, Map.of())).isEqualTo(101);
            }
        }
    }

    @Test
    void zero_turnsTheLimitOff() {
        try (RunningServer server = onFakeTime("limits.handshakes-per-ip-per-second", "0")) {
            for (int i = 0; i < 50; i++) {
                assertThat(upgradeStatus(server, CLIENT)).isEqualTo(101);
            }
        }
    }

    private static int upgradeStatus(RunningServer server, Map<String, String> headers) {
        return UpgradeAnswer.upgrade(server.port(), "/", headers).status();
    }

    private RunningServer onFakeTime(String... keyValues) {
        return TestServers.probe(c -> KaliServer.create(c).clock(clock), keyValues);
    }
}
