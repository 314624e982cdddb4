package io.kalisocket.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.config.KaliConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo's front door: every flag, the sub-commands, and a clear error for anything else. */
class DemoCommandLineTest {

    @Test
    void noArguments_runsWithTheDemoDefaults() throws Exception {
        DemoCommandLine line = DemoCommandLine.parse();
        assertThat(line.command()).isEqualTo(DemoCommandLine.Command.RUN);
        assertThat(line.overrides()).isEmpty();
        assertThat(line.dbUrl()).isEmpty();
        assertThat(line.redisUri()).isEmpty();
        KaliConfig config = DemoMain.load(line);
        assertThat(config.admin().enabled()).isTrue();
        assertThat(config.admin().port()).isEqualTo(9528);
        assertThat(config.server().port()).isEqualTo(9527);
    }

    @Test
    void everyFlag_isParsed_inBothForms() throws Exception {
        DemoCommandLine line = DemoCommandLine.parse("--host", "0.0.0.0", "--port=9000", "--config", "k.yml",
                "--admin-port", "9100", "--admin-token", "t", "--node-id", "n1", "--db-url", "jdbc:mariadb://db/chat",
                "--db-user", "chat", "--db-password", "", "--redis", "redis://127.0.0.1:6379", "--log-level", "debug",
                "--log-format", "json", "--set", "limits.max-connections=10", "--print-config");
        assertThat(line.overrides()).containsEntry("server.host", "0.0.0.0").containsEntry("server.port", "9000")
                .containsEntry("admin.port", "9100").containsEntry("admin.enabled", "true")
                .containsEntry("admin.token", "t").containsEntry("server.node-id", "n1")
                .containsEntry("logging.level", "debug").containsEntry("logging.format", "json")
                .containsEntry("limits.max-connections", "10");
        assertThat(line.configFile()).contains(Path.of("k.yml"));
        assertThat(line.dbUrl()).contains("jdbc:mariadb://db/chat");
        assertThat(line.dbUser()).contains("chat");
        assertThat(line.dbPassword()).as("an empty password is given, and means none").contains("");
        assertThat(line.redisUri()).contains("redis://127.0.0.1:6379");
        assertThat(line.printConfig()).isTrue();
    }

    @Test
    void subCommands_comeFirst() throws Exception {
        assertThat(DemoCommandLine.parse("status", "--admin-port", "9600").command())
                .isEqualTo(DemoCommandLine.Command.STATUS);
        assertThat(DemoCommandLine.parse("connections").command()).isEqualTo(DemoCommandLine.Command.CONNECTIONS);
        assertThat(DemoCommandLine.parse("stop").command()).isEqualTo(DemoCommandLine.Command.STOP);
        assertThat(DemoCommandLine.parse("--help").command()).isEqualTo(DemoCommandLine.Command.HELP);
    }

    @Test
    void mistakes_areErrorsWithTheUsageLine() {
        assertThatThrownBy(() -> DemoCommandLine.parse("--prot", "1"))
                .hasMessageStartingWith("unknown flag: --prot\nusage: java -jar kalisocket-demo.jar");
        assertThatThrownBy(() -> DemoCommandLine.parse("--port"))
                .hasMessageStartingWith("missing value for --port\nusage:");
        assertThatThrownBy(() -> DemoCommandLine.parse("statuss"))
                .hasMessageStartingWith("unknown command: statuss\nusage:");
        assertThatThrownBy(() -> DemoCommandLine.parse("--set", "nokey"))
                .hasMessageStartingWith("--set needs KEY=VALUE");
    }

    @Test
    void printConfig_masksSecrets() throws Exception {
        DemoCommandLine line = DemoCommandLine.parse("--admin-token", "hunter2", "--db-url",
                "jdbc:mariadb://db/chat?user=a&password=pw1", "--db-password", "pw2", "--redis",
                "redis://:pw3@127.0.0.1:6379");
        String printed = DemoMain.printable(DemoMain.load(line), line);
        assertThat(printed).doesNotContain("hunter2", "pw1", "pw2", "pw3")
                .contains("redis: \"redis://:*****@127.0.0.1:6379\"")
                .contains("db-password: \"*****\"")
                .contains("enabled: true");
        assertThat(DemoMain.maskUrl("redis://user:secret@h:1/0")).isEqualTo("redis://user:*****@h:1/0");
        assertThat(Optional.of(DemoMain.maskUrl("jdbc:h2:mem:chat"))).contains("jdbc:h2:mem:chat");
    }
}
