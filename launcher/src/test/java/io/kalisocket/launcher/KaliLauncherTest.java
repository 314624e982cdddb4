package io.kalisocket.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.KaliServer;
import io.kalisocket.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the launcher prints and its exit status, for every outcome short of a running server. */
class KaliLauncherTest {

    private static final ServerFactory NEVER = (config, options) -> {
        throw new AssertionError("no server is made for this command line");
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(KaliLauncher.Builder launcher, ServerFactory app, String... args) {
        return launcher.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), app);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void version_printsKalisocketAndTheVersion_exit0() {
        assertThat(run(KaliLauncher.builder(), NEVER, "--version")).isZero();
        assertThat(out()).matches("kalisocket \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void help_printsTheUsage_withTheApplicationsFlags_exit0() {
        KaliLauncher.Builder launcher = KaliLauncher.builder().program("java -jar chat.jar")
                .option("--redis", "URI", "Redis for cache and cluster");
        assertThat(run(launcher, NEVER, "--help")).isZero();
        assertThat(out()).startsWith("usage: java -jar chat.jar [run|status|connections|stop] [flags]\n")
                .contains("  --port PORT            server.port (default 9527)\n")
                .contains("  --version              print the version and exit\n")
                .contains("application flags:\n  --redis URI            Redis for cache and cluster\n");
    }

    @Test
    void anUnknownFlag_isNamed_thenTheUsage_exit2() {
        assertThat(run(KaliLauncher.builder(), NEVER, "--bogus")).isEqualTo(Launch.BAD_USAGE);
        assertThat(err()).startsWith("unknown flag: --bogus\nusage: ");
        assertThat(out()).isEmpty();
    }

    @Test
    void aFlagWithoutValue_saysSo_exit2() {
        assertThat(run(KaliLauncher.builder(), NEVER, "--port")).isEqualTo(Launch.BAD_USAGE);
        assertThat(err()).startsWith("missing value for --port\nusage: ");
    }

    @Test
    void noConfigFile_isNeeded_theDefaultsApply() {
        assertThat(run(KaliLauncher.builder(), NEVER, "--print-config")).isZero();
        assertThat(out()).contains("  port: 9527\n").as("the launcher turns the admin endpoint on, at port + 1")
                .contains("admin:\n  enabled: true\n").contains("  port: 9528\n");
    }

    @Test
    void aMissingConfigFile_isNamedWithItsAbsolutePath_exit2() {
        assertThat(run(KaliLauncher.builder(), NEVER, "--config", "missing.yml")).isEqualTo(Launch.BAD_USAGE);
        assertThat(err()).isEqualTo("configuration: " + Path.of("missing.yml").toAbsolutePath()
                + ": no such file\n");
    }

    @Test
    void aBadValue_isAConfigurationError_withoutStackTrace_exit2() {
        assertThat(run(KaliLauncher.builder(), NEVER, "--port", "70000")).isEqualTo(Launch.BAD_USAGE);
        assertThat(err()).startsWith("configuration: server.port: 70000").doesNotContain("\tat ");
    }

    @Test
    void aPortInUse_isOneLine_exit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            int status = run(KaliLauncher.builder(), (config, options) -> KaliServer.create(config), "--port", port,
                    "--admin-port", "0");
            assertThat(status).isEqualTo(Launch.BAD_USAGE);
            assertThat(err()).contains(port).endsWith("\n").doesNotContain("\tat ");
            assertThat(err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void status_withNoServer_exit3() {
        assertThat(run(KaliLauncher.builder(), NEVER, "status", "--admin-port", "1")).isEqualTo(3);
        assertThat(err()).contains("no KaliSocket server answers on http://127.0.0.1:1");
    }

    @Test
    void theApplicationsDefaults_areUnderTheFlags() {
        KaliLauncher.Builder launcher = KaliLauncher.builder()
                .defaults(Map.of("server.port", "9700", "admin.enabled", "false", "server.static-root", "public"));
        assertThat(run(launcher, NEVER, "--print-config", "--set", "server.static-root=www")).isZero();
        assertThat(out()).contains("  port: 9700\n").contains("static-root: \"www\"")
                .contains("admin:\n  enabled: false\n");
    }

    @Test
    void printConfig_masksSecrets_ofTheConfigAndOfTheApplicationsFlags() {
        KaliLauncher.Builder launcher = KaliLauncher.builder()
                .option("--db-url", "URL", "JDBC URL").secretOption("--db-password", "PASS", "password")
                .option("--redis", "URI", "Redis").option("--other", "X", "never given");
        assertThat(run(launcher, NEVER, "--print-config", "--admin-token", "hunter2", "--db-url",
                "jdbc:mariadb://db/chat?user=a&password=pw1", "--db-password", "pw2", "--redis",
                "redis://:pw3@127.0.0.1:6379")).isZero();
        assertThat(out()).doesNotContain("hunter2", "pw1", "pw2", "pw3")
                .contains("# application flags (not configuration keys)\n")
                .contains("db-url: \"jdbc:mariadb://db/chat?user=a&password=*****\"\n")
                .contains("db-password: \"*****\"\n")
                .contains("redis: \"redis://:*****@127.0.0.1:6379\"\n")
                .contains("other: null\n");
    }

    @Test
    void theApplicationsFlags_reachItsFactory() {
        AtomicReference<String> redis = new AtomicReference<>();
        KaliLauncher.Builder launcher = KaliLauncher.builder().option("--redis", "URI", "Redis");
        int status = run(launcher, (config, options) -> {
            redis.set(options.value("--redis").orElseThrow());
            throw new ConfigException("stop here");
        }, "--redis", "redis://r:6379");
        assertThat(status).isEqualTo(Launch.BAD_USAGE);
        assertThat(redis).hasValue("redis://r:6379");
        assertThat(err()).isEqualTo("configuration: stop here\n");
    }

    @Test
    void options_mustNotTakeTheLaunchersFlags_orBeUndeclared() {
        assertThatThrownBy(() -> KaliLauncher.builder().option("--port", "P", "again"))
                .hasMessage("--port is already a flag");
        assertThatThrownBy(() -> KaliLauncher.builder().option("--Redis", "URI", "upper case"))
                .isInstanceOf(IllegalArgumentException.class);
        AppOptions options = new AppOptions(Set.of("--redis"), Map.of());
        assertThatThrownBy(() -> options.value("--rdis")).hasMessageStartingWith("--rdis is not a declared option");
    }

    @Test
    void closeAfterStop_closesInReverseOrder_evenWhenOneFails() {
        StringBuilder closed = new StringBuilder();
        AppOptions options = new AppOptions(Set.of(), Map.of());
        options.closeAfterStop(() -> closed.append("first"));
        options.closeAfterStop(() -> {
            closed.append("second,");
            throw new IllegalStateException("fails");
        });
        options.closeAll();
        assertThat(closed).hasToString("second,first");
    }
}
