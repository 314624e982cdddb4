package io.kalisocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link KaliConfig#builder()} and {@link KaliConfig#toBuilder()}: defaults kept, the loader's checks run. */
class KaliConfigBuilderTest {

    @Test
    void builder_startsFromEveryDefault() {
        assertThat(KaliConfig.builder().build()).isEqualTo(KaliConfig.defaults())
                .isEqualTo(ConfigLoader.of(Map.of()));
    }

    @Test
    void builder_setsTheSectionsGiven_andLeavesTheOthersAtTheirDefaults() {
        ConnectActionsConfig actions = new ConnectActionsConfig(true, "lobby", "online", "offline");
        KaliConfig c = KaliConfig.builder().connectActions(actions).shutdown(new ShutdownConfig(Duration.ofSeconds(3)))
                .build();
        assertThat(c.connectActions()).isEqualTo(actions);
        assertThat(c.shutdown().grace()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.server()).isEqualTo(ServerConfig.defaults());
        assertThat(c.recovery()).isEqualTo(RecoveryConfig.defaults());
    }

    @Test
    void toBuilder_changesOneSection_andKeepsTheRest() {
        KaliConfig loaded = ConfigLoader.of(Map.of("server.port", "9100", "admin.enabled", "true"));
        KaliConfig changed = loaded.toBuilder().logging(new LoggingConfig("debug", "json")).build();
        assertThat(changed.logging()).isEqualTo(new LoggingConfig("debug", "json"));
        assertThat(changed.server()).isEqualTo(loaded.server());
        assertThat(changed.admin()).isEqualTo(loaded.admin());
        assertThat(loaded.logging()).isEqualTo(LoggingConfig.defaults());
        assertThat(loaded.toBuilder().build()).isEqualTo(loaded);
    }

    @Test
    void build_runsTheLoadersChecks_namingTheKey() {
        assertThatThrownBy(() -> KaliConfig.builder().connectActions(new ConnectActionsConfig(true, "no-dash", "a", "b"))
                .build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("connect-actions.connect-controller: must match [A-Za-z0-9_]{1,64}");
        assertThatThrownBy(() -> KaliConfig.builder().logging(new LoggingConfig("info", "xml")).build())
                .isInstanceOf(ConfigException.class).hasMessage("logging.format: 'xml' must be plain or json");
    }

    @Test
    void aMissingSection_isRejectedWhenSet() {
        assertThatThrownBy(() -> KaliConfig.builder().tls(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("tls");
    }
}
