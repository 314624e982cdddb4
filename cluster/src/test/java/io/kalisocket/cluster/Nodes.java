package io.kalisocket.cluster;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Several cluster nodes in this JVM, each a full server on its own port, closed together. */
final class Nodes implements AutoCloseable {

    /** One node: the server, its cluster handle and its gateway. */
    record Node(RunningServer server, Cluster cluster) {
        RedisGateway gateway() {
            return (RedisGateway) server.gateway();
        }

        int port() {
            return server.port();
        }

        String id() {
            return server.nodeId();
        }
    }

    private final ClusterConfig config;
    private final List<Node> started = new ArrayList<>();
    private final List<TestClient> clients = new CopyOnWriteArrayList<>();
    private final Map<TestClient, String> ids = new ConcurrentHashMap<>();

    Nodes(ClusterConfig config) {
        this.config = config;
    }

    /** @return the configuration every node joins with */
    ClusterConfig config() {
        return config;
    }

    /** @param nodeId the node's id @return the started node */
    Node start(String nodeId) {
        KaliServer server = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0", "server.node-id", nodeId,
                "server.worker-threads", "2", "limits.idle-timeout", "10m"))).controllers(ProbeController.class);
        Cluster cluster = Cluster.join(server, config);
        Node node = new Node(server.bind(), cluster);
        started.add(node);
        return node;
    }

    /**
     * @param client a client of one of these nodes, still connected the first time
     * @return its client id: asked from its node once ({@code probe/id}, without a msgid, so no receipt), then
     *         remembered; the only message this leaves in the client's history is that reply
     */
    String id(TestClient client) {
        return ids.computeIfAbsent(client, c -> {
            c.send("{\"ct\":\"probe\",\"ac\":\"id\"}");
            return c.awaitJson(Json.reply("probe", "id")).path("data").asText();
        });
    }

    /** @param node where to connect @return a connected client, closed with the nodes */
    TestClient connect(Node node) {
        TestClient client = TestClient.connect(node.port());
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(TestClient::close);
        for (Node node : started) {
            node.server().stop(Duration.ofMillis(200));
            node.cluster().close();
        }
    }
}
