package io.kalisocket.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.launcher.CommandLine.Command;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's command line: every flag, the commands, the application's flags, a clear error for the rest. */
class CommandLineTest {

    private static final List<AppFlag> REDIS = List.of(new AppFlag("--redis", "URI", "Redis", false),
            new AppFlag("--db-password", "PASS", "password", true));

    @Test
    void noArguments_isRun_withNothingOverridden() throws Exception {
        CommandLine line = CommandLine.parse(List.of());
        assertThat(line.command()).isEqualTo(Command.RUN);
        assertThat(line.overrides()).isEmpty();
        assertThat(line.configFile()).isEmpty();
        assertThat(line.printConfig()).isFalse();
    }

    @Test
    void everyFlag_isParsed_inBothForms() throws Exception {
        CommandLine line = CommandLine.parse(REDIS, "--host", "0.0.0.0", "--port=9000", "--config", "k.yml",
                "--admin-port", "9100", "--admin-token", "t", "--node-id", "n1", "--log-level", "debug",
                "--log-format", "json", "--set", "limits.max-connections=10", "--redis=redis://127.0.0.1:6379",
                "--db-password", "", "--print-config");
        assertThat(line.overrides()).containsEntry("server.host", "0.0.0.0").containsEntry("server.port", "9000")
                .containsEntry("admin.port", "9100").containsEntry("admin.enabled", "true")
                .containsEntry("admin.token", "t").containsEntry("server.node-id", "n1")
                .containsEntry("logging.level", "debug").containsEntry("logging.format", "json")
                .containsEntry("limits.max-connections", "10").hasSize(9);
        assertThat(line.configFile()).contains(Path.of("k.yml"));
        assertThat(line.appValues()).containsEntry("--redis", "redis://127.0.0.1:6379")
                .as("an empty value is given, and means empty").containsEntry("--db-password", "");
        assertThat(line.printConfig()).isTrue();
    }

    @Test
    void commands_comeFirst() throws Exception {
        assertThat(CommandLine.parse(List.of(), "status", "--admin-port", "9600").command()).isEqualTo(Command.STATUS);
        assertThat(CommandLine.parse(List.of(), "connections").command()).isEqualTo(Command.CONNECTIONS);
        assertThat(CommandLine.parse(List.of(), "stop").command()).isEqualTo(Command.STOP);
        assertThat(CommandLine.parse(List.of(), "run", "--port", "1").command()).isEqualTo(Command.RUN);
        assertThat(CommandLine.parse(List.of(), "--help").command()).isEqualTo(Command.HELP);
        assertThat(CommandLine.parse(List.of(), "-h").command()).isEqualTo(Command.HELP);
        assertThat(CommandLine.parse(List.of(), "--version").command()).isEqualTo(Command.VERSION);
    }

    @Test
    void unknownFlags_areNamedAsUnknown_evenWithoutAValue() {
        assertThatThrownBy(() -> CommandLine.parse(List.of(), "--bogus")).hasMessage("unknown flag: --bogus");
        assertThatThrownBy(() -> CommandLine.parse(List.of(), "--prot", "1")).hasMessage("unknown flag: --prot");
        assertThatThrownBy(() -> CommandLine.parse(List.of(), "--redis", "r")).hasMessage("unknown flag: --redis");
    }

    @Test
    void aFlagWithoutItsValue_saysSo() {
        assertThatThrownBy(() -> CommandLine.parse(List.of(), "--port")).hasMessage("missing value for --port");
        assertThatThrownBy(() -> CommandLine.parse(List.of(), "--port", "--host", "h"))
                .hasMessage("missing value for --port");
        assertThatThrownBy(() -> CommandLine.parse(REDIS, "--redis")).hasMessage("missing value for --redis");
    }

    @Test
    void otherMistakes_areNamed() {
        assertThatThrownBy(() -> CommandLine.parse(List.of(), "statuss")).hasMessage("unknown command: statuss");
        assertThatThrownBy(() -> CommandLine.parse(List.of(), "--port", "1", "extra"))
                .hasMessage("unexpected argument: extra");
        assertThatThrownBy(() -> CommandLine.parse(List.of(), "--set", "nokey"))
                .hasMessage("--set needs KEY=VALUE, got: nokey");
    }
}
