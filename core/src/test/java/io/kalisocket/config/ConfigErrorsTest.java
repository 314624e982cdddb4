package io.kalisocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up errors of the configuration: every problem at once, one per line, in the configuration's words. */
class ConfigErrorsTest {

    @TempDir
    Path dir;

    @Test
    void load_reportsEveryProblemAtOnce_unknownKeysThenUnreadableValuesThenRanges() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("server.prot", "1");
        flags.put("limits.idle-timeout", "10");
        flags.put("limits.max-connections", "many");
        flags.put("limits.slow-consumer-policy", "wait");
        flags.put("connect-actions.enabled", "maybe");
        flags.put("server.port", "70000");
        flags.put("logging.format", "xml");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), flags))
                .isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        "server.prot: unknown key (did you mean server.port?)",
                        "limits.max-connections: 'many' is not a whole number",
                        "limits.idle-timeout: 10 has no unit: add one, e.g. 10s",
                        "limits.slow-consumer-policy: 'wait' must be close or drop",
                        "connect-actions.enabled: 'maybe' must be true or false",
                        "server.port: 70000 is not a port (1-65535, or 0 for any free port)",
                        "logging.format: 'xml' must be plain or json"));
    }

    @Test
    void builder_reportsEveryRangeProblemAtOnce() {
        assertThatThrownBy(() -> KaliConfig.builder()
                .server(new ServerConfig("127.0.0.1", -1, "ws", 0, "auto", "", ""))
                .build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("server.port: -1 is not a port (1-65535, or 0 for any free port)\n"
                        + "server.path: 'ws' must start with /");
    }

    @Test
    void durations_needAUnit() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("limits.idle-timeout", "10")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("limits.idle-timeout: 10 has no unit: add one, e.g. 10s");
        assertThat(ConfigLoader.of(Map.of("limits.idle-timeout", "10s")).limits().idleTimeout())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(ConfigLoader.of(Map.of("limits.idle-timeout", "1500ms")).limits().idleTimeout())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(ConfigLoader.of(Map.of("limits.idle-timeout", "2m")).limits().idleTimeout())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(ConfigLoader.of(Map.of("limits.idle-timeout", "PT90S")).limits().idleTimeout())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void durations_zeroNeedsNoUnit_becauseItIsZeroInEveryUnit() {
        assertThat(ConfigLoader.of(Map.of("shutdown.grace", "0")).shutdown().grace()).isZero();
    }

    @Test
    void durations_inAFile_needAUnitToo() throws Exception {
        Path file = Files.writeString(dir.resolve("kalisocket.yml"), """
                limits:
                  idle-timeout: 30
                  handshake-timeout: soon
                """);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("limits.handshake-timeout: 'soon' is not a duration (e.g. 500ms, 10s, 2m, 1h)\n"
                        + "limits.idle-timeout: 30 has no unit: add one, e.g. 30s");
    }

    @Test
    void aKeyWithoutAValue_isAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("kalisocket.yml"), "server:\n  port:\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("server.port: has no value (leave the key out for its default)");
    }

    @Test
    void aMissingFile_isNamedWithItsAbsolutePath() {
        Path missing = Path.of("missing.yml");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing.toAbsolutePath() + ": no such file");
    }

    @Test
    void enums_arePrintedAsTheDocsWriteThem_andReadInAnyCase() throws Exception {
        KaliConfig drop = ConfigLoader.of(Map.of("limits.slow-consumer-policy", "DROP"));
        assertThat(drop.limits().slowConsumerPolicy()).isEqualTo(LimitsConfig.SlowConsumerPolicy.DROP);
        assertThat(Secrets.printable(KaliConfig.defaults())).contains("slow-consumer-policy: \"close\"")
                .doesNotContain("CLOSE");
        Path printed = Files.writeString(dir.resolve("printed.yml"), Secrets.printable(drop));
        assertThat(ConfigLoader.load(Optional.of(printed), Map.of(), Map.of()).limits().slowConsumerPolicy())
                .isEqualTo(LimitsConfig.SlowConsumerPolicy.DROP);
    }
}
