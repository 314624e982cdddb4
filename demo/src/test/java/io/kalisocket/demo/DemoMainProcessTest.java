package io.kalisocket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.opstest.JavaProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java ... DemoMain status | connections | --print-config | --bad}, as a person runs them. */
class DemoMainProcessTest {

    private static int run(JavaProcess process) throws InterruptedException {
        assertThat(process.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.process().exitValue();
    }

    @Test
    void status_andConnections_printTablesFromARunningServer() throws Exception {
        Map<String, String> config = new HashMap<>(DemoApp.DEFAULTS);
        config.putAll(Map.of("server.port", "0", "admin.enabled", "true", "admin.port", "0"));
        try (RunningServer demo = DemoApp.server(ConfigLoader.of(config)).bind()) {
            String adminPort = String.valueOf(demo.adminPort().getAsInt());
            try (JavaProcess status = JavaProcess.start(List.of(), DemoMain.class, "status", "--admin-port",
                    adminPort)) {
                assertThat(run(status)).as(String.join("\n", status.lines())).isZero();
                assertThat(status.lines()).anyMatch(l -> l.contains("KaliSocket status"))
                        .anyMatch(l -> l.startsWith("node") && l.contains(demo.nodeId()));
            }
            try (JavaProcess connections = JavaProcess.start(List.of(), DemoMain.class, "connections",
                    "--admin-port", adminPort)) {
                assertThat(run(connections)).isZero();
                assertThat(connections.lines()).anyMatch(l -> l.contains("0 open connection(s)"));
            }
            demo.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void status_withNoServer_exitsNonZeroWithAClearMessage() throws Exception {
        try (JavaProcess status = JavaProcess.start(List.of(), DemoMain.class, "status", "--admin-port", "1")) {
            assertThat(run(status)).isEqualTo(3);
            assertThat(status.lines()).anyMatch(l -> l.contains("no KaliSocket server answers on http://127.0.0.1:1"));
        }
    }

    @Test
    void badFlags_andBadValues_exit2WithTheProblem() throws Exception {
        try (JavaProcess bad = JavaProcess.start(List.of(), DemoMain.class, "--prot", "1")) {
            assertThat(run(bad)).isEqualTo(2);
            assertThat(bad.lines()).contains("unknown flag: --prot").anyMatch(l -> l.startsWith("usage:"));
        }
        try (JavaProcess bad = JavaProcess.start(List.of(), DemoMain.class, "--port", "70000")) {
            assertThat(run(bad)).isEqualTo(2);
            assertThat(bad.lines()).anyMatch(l -> l.startsWith("configuration: server.port: 70000 is not a port"));
        }
    }

    @Test
    void help_listsTheLaunchersFlags_andTheDemosOwn() throws Exception {
        try (JavaProcess help = JavaProcess.start(List.of(), DemoMain.class, "--help")) {
            assertThat(run(help)).isZero();
            assertThat(help.lines()).contains("usage: java -jar kalisocket-demo.jar [run|status|connections|stop] [flags]")
                    .anyMatch(l -> l.startsWith("  --port PORT")).anyMatch(l -> l.startsWith("  --version"))
                    .anyMatch(l -> l.startsWith("  --db-url URL")).anyMatch(l -> l.startsWith("  --redis URI"));
        }
    }

    @Test
    void printConfig_printsEveryKey_withSecretsMasked() throws Exception {
        try (JavaProcess print = JavaProcess.start(List.of(), DemoMain.class, "--print-config", "--admin-token",
                "hunter2", "--db-password", "pw")) {
            assertThat(run(print)).isZero();
            assertThat(print.lines()).contains("admin:", "  token: \"*****\"", "db-password: \"*****\"")
                    .noneMatch(l -> l.contains("hunter2") || l.contains("pw\""));
        }
    }
}
