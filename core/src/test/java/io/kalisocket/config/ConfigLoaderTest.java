package io.kalisocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaults_matchTheDocumentedValues() {
        KaliConfig c = ConfigLoader.of(Map.of());
        assertThat(c.server().port()).isEqualTo(9527);
        assertThat(c.limits().maxMessageBytes()).isEqualTo(65_536);
        assertThat(c.limits().maxConnectionsPerIp()).isEqualTo(1_000);
        assertThat(c.limits().messagesPerSecond()).isEqualTo(100);
        assertThat(c.limits().messageBurst()).isEqualTo(200);
        assertThat(c.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.limits().handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.limits().outboundHighWaterMark()).isEqualTo(256 * 1024);
        assertThat(c.limits().slowConsumerPolicy()).isEqualTo(LimitsConfig.SlowConsumerPolicy.CLOSE);
        assertThat(c.protocol().heartbeatPing()).isEqualTo("~H#C~");
        assertThat(c.protocol().heartbeatPong()).isEqualTo("~H#S~");
        assertThat(c.protocol().receiptWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.http().trustedProxies()).containsExactly("127.0.0.0/8", "::1/128");
    }

    @Test
    void load_laterSourcesWin_fileThenEnvironmentThenOverrides() throws Exception {
        Path file = dir.resolve("kalisocket.yml");
        Files.writeString(file, """
                server:
                  port: 9000
                  host: 0.0.0.0
                limits:
                  idle-timeout: 90s
                  slow-consumer-policy: drop
                """);
        KaliConfig c = ConfigLoader.load(Optional.of(file),
                Map.of("KALISOCKET_SERVER_PORT", "9100", "KALISOCKET_LIMITS_MAX_MESSAGE_BYTES", "4096", "PATH", "/bin"),
                Map.of("server.port", "9200"));
        assertThat(c.server().port()).isEqualTo(9200);
        assertThat(c.server().host()).isEqualTo("0.0.0.0");
        assertThat(c.limits().maxMessageBytes()).isEqualTo(4096);
        assertThat(c.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.limits().slowConsumerPolicy()).isEqualTo(LimitsConfig.SlowConsumerPolicy.DROP);
    }

    @Test
    void overrides_splitListsOnCommas() {
        KaliConfig c = ConfigLoader.of(Map.of("http.allowed-origins", "https://a.example, https://b.example"));
        assertThat(c.http().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
    }

    @Test
    void unknownKeys_areErrorsThatNameTheKey() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.prot", "1")))
                .isInstanceOf(ConfigException.class).hasMessage("server.prot: unknown key (did you mean server.port?)");
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "limits:\n  max-mesage-bytes: 10\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("limits.max-mesage-bytes: unknown key (did you mean limits.max-message-bytes?)");
    }

    @Test
    void validation_namesTheKeyAndTheRange() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.port", "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("server.port: 70000 is not a port");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.port", "abc")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("server.port:");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("limits.idle-timeout", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("limits.idle-timeout");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("http.trusted-proxies", "10.0.0.0/33")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("http.trusted-proxies:");
    }

    @Test
    void toYaml_roundTripsThroughTheLoader() throws Exception {
        KaliConfig original = ConfigLoader.of(Map.of("server.port", "1234", "limits.idle-timeout", "1500ms"));
        Path file = dir.resolve("printed.yml");
        Files.writeString(file, ConfigLoader.toYaml(original));
        assertThat(ConfigLoader.load(Optional.of(file), Map.of(), Map.of())).isEqualTo(original);
    }
}
