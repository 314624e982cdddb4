package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.DocSamples;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first Java sample of docs/CLUSTER.md, as printed, is a node's {@code main}: it compiles, serves its controllers,
 * appears in the cluster's node list in Redis, and on SIGTERM stops, leaves the cluster and exits with status 0. Only
 * the key prefix is changed (a fresh one, so the test sees no other run's nodes); the node runs in a process of its
 * own, since {@code start()} waits for a signal.
 */
class ClusterDocsTest {

    private static final String MAIN = """
            package app;

            import io.kalisocket.KaliServer;
            import io.kalisocket.cluster.Cluster;
            import io.kalisocket.cluster.ClusterConfig;
            import io.kalisocket.config.ConfigLoader;
            import java.util.Map;

            public final class ClusterMain {
                public static void main(String[] args) throws Exception {
                    var config = ConfigLoader.of(Map.of("server.port", args[0], "server.node-id", args[1]));
            %s
                }
            }
            """;

    private static final String CONTROLLER = """
            package app.controller;

            import io.kalisocket.mvc.Ctx;

            public final class ChatController {
                public Object say(Ctx ctx) {
                    return "said";
                }
            }
            """;

    @Test
    void clusterMd_firstSample_isANodeThatJoinsServesAndLeavesOnSigterm(@TempDir Path dir) throws Exception {
        RequiredService.redis().require();
        String prefix = RedisForTests.freshPrefix();
        String sample = DocSamples.javaBlocks("docs/CLUSTER.md").get(0);
        assertThat(sample).contains("Cluster.join(server, ClusterConfig.of(\"redis://127.0.0.1:6379\"))");
        String main = MAIN.formatted(sample.replace("ClusterConfig.of(\"redis://127.0.0.1:6379\")",
                "ClusterConfig.of(\"redis://127.0.0.1:6379\").withKeyPrefix(\"" + prefix + "\")"));
        try (URLClassLoader ignored = DocSamples.compile(dir, Map.of("app.ClusterMain", main,
                "app.controller.ChatController", CONTROLLER))) {
            int port = freePort();
            Process node = start(dir, port, "docs");
            try (RedisClient client = RedisClient.create(RedisForTests.URI);
                    StatefulRedisConnection<String, String> redis = client.connect()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> redis.sync().smembers(prefix + "nodes")
                        .contains("docs"));
                try (TestClient chat = TestClient.connect(port)) {
                    chat.send("{\"ct\":\"chat\",\"ac\":\"say\"}");
                    assertThat(chat.awaitJson(Json.reply("chat", "say")).path("data").asText()).isEqualTo("said");
                }

                node.destroy(); // SIGTERM
                assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the node ends after SIGTERM").isTrue();
                assertThat(node.exitValue()).isZero();
                assertThat(redis.sync().smembers(prefix + "nodes")).as("the node left the cluster").isEmpty();
            } finally {
                node.destroyForcibly();
            }
        }
    }

    private static Process start(Path classes, int port, String nodeId) throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String classpath = classes + File.pathSeparator
                + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        File log = File.createTempFile("kali-docs-node-", ".log");
        return new ProcessBuilder(List.of(javaBin, "-Xmx256m", "-cp", classpath, "app.ClusterMain",
                Integer.toString(port), nodeId)).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
