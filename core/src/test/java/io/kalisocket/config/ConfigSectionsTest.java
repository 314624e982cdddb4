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

/** The operations sections (admin, tls, logging, shutdown), unknown keys, app defaults and masking. */
class ConfigSectionsTest {

    @TempDir
    Path dir;

    @Test
    void defaults_matchTheDocumentedValues() {
        KaliConfig c = KaliConfig.defaults();
        assertThat(c.admin()).isEqualTo(new AdminConfig(false, "127.0.0.1", 9528, "", false));
        assertThat(c.tls()).isEqualTo(new TlsConfig(false, "", "", "", "auto"));
        assertThat(c.logging()).isEqualTo(new LoggingConfig("info", "plain"));
        assertThat(c.shutdown().grace()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void environment_setsTheNewSections() {
        KaliConfig c = ConfigLoader.load(Optional.empty(), Map.of("KALISOCKET_ADMIN_PORT", "9600",
                "KALISOCKET_ADMIN_TOKEN", "t", "KALISOCKET_LOGGING_FORMAT", "json",
                "KALISOCKET_SHUTDOWN_GRACE", "30s"), Map.of());
        assertThat(c.admin().port()).isEqualTo(9600);
        assertThat(c.admin().token()).isEqualTo("t");
        assertThat(c.logging().format()).isEqualTo("json");
        assertThat(c.shutdown().grace()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unknownKeys_areAllReportedAtOnce_withTheLikelyKey() throws Exception {
        Path file = Files.writeString(dir.resolve("k.yml"), """
                server:
                  prot: 1
                admin:
                  tokn: x
                metrics:
                  on: true
                """);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of("KALISOCKET_SERVER_HOTS", "x"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        "server.prot: unknown key (did you mean server.port?)",
                        "admin.tokn: unknown key (did you mean admin.token?)",
                        "metrics: unknown key",
                        "server.hots: unknown key (did you mean server.host?)"));
    }

    @Test
    void aSectionGivenAValue_isAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("s.yml"), "admin: 9528\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("admin: expected a mapping of keys, not a value");
    }

    @Test
    void execution_poolMinDefaultsToTheCoresAndMayNotExceedThePoolSize() {
        KaliConfig c = ConfigLoader.of(Map.of("execution.pool-size", "4"));
        assertThat(c.execution().effectivePoolMin())
                .isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
        assertThat(ConfigLoader.of(Map.of("execution.pool-size", "4", "execution.pool-min", "4"))
                .execution().effectivePoolMin()).isEqualTo(4);
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("execution.pool-size", "4", "execution.pool-min", "5")))
                .hasMessageStartingWith("execution.pool-min: 5 is above execution.pool-size 4");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("execution.pool-min", "1000")))
                .hasMessageContaining("its default here");
    }

    @Test
    void validation_namesTheKey() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("admin.port", "70000")))
                .hasMessageStartingWith("admin.port: 70000 is not a port");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("admin.enabled", "true", "admin.port", "9527")))
                .hasMessageStartingWith("admin.port: 9527 is also server.port");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("logging.level", "loud")))
                .hasMessageStartingWith("logging.level: 'loud' must be");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("logging.format", "xml")))
                .hasMessage("logging.format: 'xml' must be plain or json");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("tls.provider", "gnutls")))
                .hasMessage("tls.provider: 'gnutls' must be auto, openssl or jdk");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("shutdown.grace", "soon")))
                .hasMessageStartingWith("shutdown.grace:");
    }

    @Test
    void appDefaults_lieUnderTheFileTheEnvironmentAndTheOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("a.yml"), "admin:\n  enabled: false\n");
        KaliConfig fromFile = ConfigLoader.load(Map.of("admin.enabled", "true", "admin.port", "9700"),
                Optional.of(file), Map.of(), Map.of());
        assertThat(fromFile.admin().enabled()).isFalse();
        assertThat(fromFile.admin().port()).isEqualTo(9700);
        KaliConfig fromFlag = ConfigLoader.load(Map.of("admin.port", "9700"), Optional.empty(),
                Map.of("KALISOCKET_ADMIN_PORT", "9701"), Map.of("admin.port", "9702"));
        assertThat(fromFlag.admin().port()).isEqualTo(9702);
    }

    @Test
    void printable_masksEverySecret_andShowsEveryKey() {
        KaliConfig c = ConfigLoader.of(Map.of("admin.token", "hunter2", "tls.key-password", "swordfish"));
        String yaml = Secrets.printable(c);
        assertThat(yaml).doesNotContain("hunter2").doesNotContain("swordfish")
                .contains("token: \"*****\"").contains("key-password: \"*****\"")
                .contains("max-message-bytes: 65536").contains("grace: \"10s\"");
        assertThat(Secrets.printable(KaliConfig.defaults())).contains("token: \"\"");
    }
}
