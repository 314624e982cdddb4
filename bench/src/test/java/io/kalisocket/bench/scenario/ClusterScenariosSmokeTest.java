package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.server.KaliBenchServer;
import io.kalisocket.bench.server.ServerFlags;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CI's guard that {@code cluster-uid} and {@code cluster-fanout} still run: two bench-app nodes in this JVM,
 * joined on Redis, a second of load each; never a benchmark.
 */
class ClusterScenariosSmokeTest {

    private final List<KaliBenchServer> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(KaliBenchServer::close);
    }

    private Subject twoNodes(URI redis) {
        String prefix = "benchtest:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        List<Subject.Node> list = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            KaliBenchServer node = KaliBenchServer.start(new ServerFlags(0, Optional.of(redis), Optional.of(id), prefix, false));
            nodes.add(node);
            list.add(new Subject.Node(URI.create("ws://127.0.0.1:" + node.port() + "/"), Optional.empty()));
        }
        return new Subject("2 nodes redis", list.get(0).uri(), "", Optional.empty(), list, List.of(),
                Optional.empty());
    }

    @Test
    void clusterUid_pushesFromNodeAReachReceiversOnNodeB() throws Exception {
        try (TestRedis redis = TestRedis.require()) {
            BenchOptions options = BenchOptions.parse("cluster-uid", "--connections", "5", "--rate", "200",
                    "--duration", "1", "--warmup", "0.5", "--no-pin");
            Map<String, Double> figures = new ClusterUidScenario().measure(twoNodes(redis.uri()), options);
            assertThat(figures.get("p50 ms @200/s (lower is better)")).as("some pushes arrived").isNotNaN();
            assertThat(figures.get("errors @200/s (lower is better)")).isZero();
        }
    }

    @Test
    void clusterFanout_deliversToMembersOnBothNodes() throws Exception {
        try (TestRedis redis = TestRedis.require()) {
            BenchOptions options = BenchOptions.parse("cluster-fanout", "--connections", "20", "--messages", "50",
                    "--duration", "1", "--warmup", "0", "--no-pin");
            Map<String, Double> figures = new ClusterFanoutScenario().measure(twoNodes(redis.uri()), options);
            assertThat(figures.get("deliveries/s")).isPositive();
            assertThat(figures.get("members")).isEqualTo(20.0);
        }
    }
}
