package io.kalisocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The {@code connect-actions} section, and its old name {@code gateway}: still read from every source, logged
 * once at WARN naming the new key, an error when one source gives both names of a key.
 */
class ConnectActionsConfigTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ConfigLoader.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    private List<String> warnings() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private Path yaml(String text) throws Exception {
        return Files.writeString(dir.resolve("kalisocket.yml"), text);
    }

    @Test
    void defaults_matchTheDocumentedValues() {
        assertThat(KaliConfig.defaults().connectActions())
                .isEqualTo(new ConnectActionsConfig(false, "index", "online", "offline"));
        assertThat(ConnectActionsConfig.defaults()).isEqualTo(KaliConfig.defaults().connectActions());
    }

    @Nested
    class NewKeys {

        @Test
        void load_fromFlags() {
            KaliConfig c = ConfigLoader.of(Map.of("connect-actions.enabled", "true",
                    "connect-actions.connect-controller", "lobby", "connect-actions.connect-action", "hello",
                    "connect-actions.close-action", "bye"));
            assertThat(c.connectActions()).isEqualTo(new ConnectActionsConfig(true, "lobby", "hello", "bye"));
            assertThat(warnings()).isEmpty();
        }

        @Test
        void load_fromTheFile() throws Exception {
            Path file = yaml("connect-actions:\n  enabled: true\n  close-action: bye\n");
            KaliConfig c = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
            assertThat(c.connectActions()).isEqualTo(new ConnectActionsConfig(true, "index", "online", "bye"));
            assertThat(warnings()).isEmpty();
        }

        @Test
        void load_fromTheEnvironment_aSectionNameWithADash() {
            KaliConfig c = ConfigLoader.load(Optional.empty(), Map.of("KALISOCKET_CONNECT_ACTIONS_ENABLED", "true",
                    "KALISOCKET_CONNECT_ACTIONS_CONNECT_CONTROLLER", "lobby"), Map.of());
            assertThat(c.connectActions()).isEqualTo(new ConnectActionsConfig(true, "lobby", "online", "offline"));
            assertThat(warnings()).isEmpty();
        }

        @Test
        void validation_namesTheNewKey() {
            assertThatThrownBy(() -> ConfigLoader.of(Map.of("connect-actions.connect-controller", "a-b")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("connect-actions.connect-controller: must match [A-Za-z0-9_]{1,64}");
        }

        @Test
        void toYaml_writesTheNewSectionOnly() {
            String yaml = ConfigLoader.toYaml(ConfigLoader.of(Map.of("connect-actions.enabled", "true")));
            assertThat(yaml).contains("connect-actions:").contains("connect-controller: \"index\"")
                    .doesNotContain("gateway");
        }
    }

    @Nested
    class OldKeys {

        @Test
        void flags_areReadAsTheNewKeys_andWarnOnceEach() {
            KaliConfig c = ConfigLoader.of(Map.of("gateway.enabled", "true", "gateway.connect-controller", "lobby"));
            assertThat(c.connectActions()).isEqualTo(new ConnectActionsConfig(true, "lobby", "online", "offline"));
            assertThat(warnings()).containsExactlyInAnyOrder(
                    "configuration: gateway.enabled is deprecated, use connect-actions.enabled"
                            + " (the old name still works for now)",
                    "configuration: gateway.connect-controller is deprecated, use connect-actions.connect-controller"
                            + " (the old name still works for now)");
        }

        @Test
        void appDefaults_areReadAsTheNewKeys() {
            KaliConfig c = ConfigLoader.load(Map.of("gateway.enabled", "true"), Optional.empty(), Map.of(), Map.of());
            assertThat(c.connectActions().enabled()).isTrue();
            assertThat(warnings()).singleElement().asString().startsWith("configuration: gateway.enabled is deprecated");
        }

        @Test
        void theFile_isReadAsTheNewSection() throws Exception {
            Path file = yaml("gateway:\n  enabled: true\n  connect-action: hello\n");
            KaliConfig c = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
            assertThat(c.connectActions()).isEqualTo(new ConnectActionsConfig(true, "index", "hello", "offline"));
            assertThat(warnings()).hasSize(2).allMatch(w -> w.contains("is deprecated, use connect-actions."));
        }

        @Test
        void theFile_mayMixBothSections_whenNoKeyIsInBoth() throws Exception {
            Path file = yaml("gateway:\n  enabled: true\nconnect-actions:\n  close-action: bye\n");
            KaliConfig c = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
            assertThat(c.connectActions()).isEqualTo(new ConnectActionsConfig(true, "index", "online", "bye"));
        }

        @Test
        void theEnvironment_isReadAsTheNewKeys_andWarnsInItsOwnSpelling() {
            KaliConfig c = ConfigLoader.load(Optional.empty(), Map.of("KALISOCKET_GATEWAY_ENABLED", "true"), Map.of());
            assertThat(c.connectActions().enabled()).isTrue();
            assertThat(warnings()).containsExactly("configuration: KALISOCKET_GATEWAY_ENABLED is deprecated, use"
                    + " KALISOCKET_CONNECT_ACTIONS_ENABLED (the old name still works for now)");
        }

        @Test
        void oneKeyUsedInSeveralSources_warnsOnce() throws Exception {
            Path file = yaml("gateway:\n  enabled: false\n");
            KaliConfig c = ConfigLoader.load(Map.of("gateway.enabled", "false"), Optional.of(file), Map.of(),
                    Map.of("gateway.enabled", "true"));
            assertThat(c.connectActions().enabled()).isTrue();
            assertThat(warnings()).hasSize(1);
        }

        @Test
        void acrossSources_theLaterWins_asForAnyKey() throws Exception {
            Path file = yaml("gateway:\n  enabled: true\n");
            KaliConfig c = ConfigLoader.load(Map.of(), Optional.of(file), Map.of(),
                    Map.of("connect-actions.enabled", "false"));
            assertThat(c.connectActions().enabled()).isFalse();
            KaliConfig d = ConfigLoader.load(Map.of("connect-actions.enabled", "true"), Optional.empty(), Map.of(),
                    Map.of("gateway.enabled", "false"));
            assertThat(d.connectActions().enabled()).isFalse();
        }

        @Test
        void anUnknownOldKey_isReportedUnderTheNewSection_withTheLikelyKey() {
            assertThatThrownBy(() -> ConfigLoader.of(Map.of("gateway.enabeld", "true")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("connect-actions.enabeld: unknown key (did you mean connect-actions.enabled?)");
        }

        @Test
        void theOldSectionGivenAValue_isAnError() throws Exception {
            Path file = yaml("gateway: true\n");
            assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class).hasMessage("gateway: expected a mapping of keys, not a value");
        }
    }

    @Nested
    class BothNamesInOneSource {

        @Test
        void flags_areAnErrorNamingBoth() {
            assertThatThrownBy(() -> ConfigLoader.of(Map.of("gateway.enabled", "true",
                    "connect-actions.enabled", "false")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("gateway.enabled: deprecated name of connect-actions.enabled, which is also given;"
                            + " keep only connect-actions.enabled");
        }

        @Test
        void appDefaults_areAnErrorNamingBoth() {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("gateway.close-action", "a",
                    "connect-actions.close-action", "a"), Optional.empty(), Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("gateway.close-action").hasMessageContaining("connect-actions.close-action");
        }

        @Test
        void theFile_isAnErrorNamingBoth() throws Exception {
            Path file = yaml("gateway:\n  enabled: true\nconnect-actions:\n  enabled: true\n");
            assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("gateway.enabled: deprecated name of connect-actions.enabled, which is also given;"
                            + " keep only connect-actions.enabled");
        }

        @Test
        void theEnvironment_isAnErrorNamingBothVariables() {
            assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("KALISOCKET_GATEWAY_ENABLED", "true",
                    "KALISOCKET_CONNECT_ACTIONS_ENABLED", "true"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("KALISOCKET_GATEWAY_ENABLED: deprecated name of KALISOCKET_CONNECT_ACTIONS_ENABLED,"
                            + " which is also given; keep only KALISOCKET_CONNECT_ACTIONS_ENABLED");
        }
    }
}
