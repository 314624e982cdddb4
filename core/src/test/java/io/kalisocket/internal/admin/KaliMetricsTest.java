package io.kalisocket.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.internal.server.app.ProbeController;
import io.kalisocket.testing.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} of a real server after ten different actions ran: fit for Prometheus, with help on every
 * KaliSocket series and a latency histogram of a few fixed buckets per action.
 */
class KaliMetricsTest {

    /** Ten actions of the probe controller: replies, a push, failures with 403, 500 and 503. */
    private static final List<String> CALLS = List.of(
            "{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":1}",
            "{\"ct\":\"probe\",\"ac\":\"bind\",\"name\":\"ann\",\"times\":2}",
            "{\"ct\":\"probe\",\"ac\":\"whoami\"}",
            "{\"ct\":\"probe\",\"ac\":\"push\"}",
            "{\"ct\":\"probe\",\"ac\":\"count\"}",
            "{\"ct\":\"probe\",\"ac\":\"boom\"}",
            "{\"ct\":\"probe\",\"ac\":\"deny\"}",
            "{\"ct\":\"probe\",\"ac\":\"unavailable\"}",
            "{\"ct\":\"probe\",\"ac\":\"fast\",\"data\":2}",
            "{\"ct\":\"probe\",\"ac\":\"big\",\"size\":3}");
    private static final Pattern BUCKET = Pattern.compile("^kalisocket_action_seconds_bucket\\{(.*)\\} .*$");

    static RunningServer server;
    static String metrics;

    @BeforeAll
    static void runTenActionsAndScrape() throws Exception {
        server = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0", "admin.enabled", "true",
                "admin.port", "0", "recovery.enabled", "true", "recovery.secret", "metrics-test")))
                .controllers(ProbeController.class).bind();
        try (TestClient client = TestClient.connect(server.port())) {
            CALLS.forEach(client::send);
            await().until(() -> server.counters().get("actions_run") == CALLS.size());
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.adminPort().getAsInt() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        metrics = response.body();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyKalisocketSeries_hasHelpText() {
        List<String> help = metrics.lines().filter(l -> l.startsWith("# HELP kalisocket_")).toList();
        assertThat(help).hasSizeGreaterThan(25)
                .allSatisfy(line -> assertThat(line).matches("# HELP kalisocket_\\w+ \\S.*"));
        List<String> typed = metrics.lines().filter(l -> l.startsWith("# TYPE kalisocket_"))
                .map(l -> l.split(" ")[2]).toList();
        assertThat(help.stream().map(l -> l.split(" ")[2]).toList()).containsExactlyInAnyOrderElementsOf(typed);
    }

    @Test
    void actionLatency_isAHistogramOfSevenFixedBucketsPerRouteAndCode() {
        Map<String, Long> bucketsPerAction = metrics.lines().map(BUCKET::matcher).filter(Matcher::matches)
                .map(m -> m.group(1).replaceAll("le=\"[^\"]*\",?", ""))
                .collect(Collectors.groupingBy(labels -> labels, Collectors.counting()));
        assertThat(bucketsPerAction).hasSize(CALLS.size()).allSatisfy((labels, n) -> assertThat(n).isEqualTo(7L));
        assertThat(metrics)
                .contains("kalisocket_action_seconds_bucket{ac=\"boom\",code=\"500\",ct=\"probe\",le=\"0.001\"}")
                .contains("le=\"0.005\"", "le=\"0.025\"", "le=\"0.1\"", "le=\"0.5\"", "le=\"2.5\"", "le=\"+Inf\"");
        long actionLines = metrics.lines().filter(l -> l.startsWith("kalisocket_action_seconds")).count();
        assertThat(actionLines).as("bucket, count, sum and max lines of ten actions").isLessThanOrEqualTo(10L * 10);
    }

    @Test
    void deployGuide_listsEverySeries() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "DEPLOY.md"));
        List<String> series = metrics.lines().filter(l -> l.startsWith("# TYPE kalisocket_"))
                .map(l -> l.split(" ")[2]).toList();
        assertThat(series).isNotEmpty().allSatisfy(name -> assertThat(guide).contains("| `" + name + "` |"));
    }

    @Test
    void counters_areTotals_andLevelsAreGauges() {
        assertThat(metrics).contains("# TYPE kalisocket_actions_run_total counter", "kalisocket_actions_run_total 10.0",
                "# TYPE kalisocket_connections_open gauge", "# TYPE kalisocket_recovery_parked gauge",
                "kalisocket_replies_total{code=\"500\"} 1.0");
    }
}
