package io.kalisocket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.opstest.JavaProcess;
import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two demo processes started with {@code --redis} are one chat: presence, a private message and a room message
 * between clients on different processes (issue 7). Needs Redis on 127.0.0.1:6379: skipped without it, failed with
 * {@code CI=true}.
 */
class ClusterDemoTest {

    private static final Pattern PORT = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void twoDemoProcesses_privateAndRoomMessagesCrossNodes() throws Exception {
        RequiredService.redis().require();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        try (JavaProcess one = demo("a" + run); JavaProcess two = demo("b" + run)) {
            int portOne = Integer.parseInt(one.awaitGroup(PORT, Duration.ofSeconds(60)));
            int portTwo = Integer.parseInt(two.awaitGroup(PORT, Duration.ofSeconds(60)));
            try (TestClient alice = TestClient.connect(portOne); TestClient bob = TestClient.connect(portTwo, "roster=1")) {
                // Each node tells its own arrivals, through the cluster: Bob on node two hears of Alice on node one.
                String aliceId = DemoServers.clientId(alice);
                bob.awaitJson(DemoServers.presence("online", aliceId));
                alice.call("user", "login", "uid", "alice" + run);
                bob.call("user", "login", "uid", "bob" + run);

                JsonNode sent = alice.call("user", "send", "to", "bob" + run, "text", "psst");
                assertThat(sent.path("data").path("delivered").asInt()).isEqualTo(1);
                JsonNode secret = bob.awaitType("private");
                assertThat(secret.path("from").asText()).isEqualTo("alice" + run);
                assertThat(secret.path("text").asText()).isEqualTo("psst");

                String room = "r" + run;
                alice.call("room", "join", "room", room);
                JsonNode joined = bob.call("room", "join", "room", room);
                assertThat(joined.path("data").path("members").asInt()).isEqualTo(2);
                alice.call("room", "say", "room", room, "text", "hello from node one");
                JsonNode said = bob.awaitType("say");
                assertThat(said.path("text").asText()).isEqualTo("hello from node one");
                assertThat(said.path("from").asText()).isEqualTo("alice" + run);

                alice.close();
                JsonNode gone = bob.awaitJson(DemoServers.presence("offline", aliceId)).path("offline").get(0);
                assertThat(gone.path("uid").asText()).isEqualTo("alice" + run);
            }
        }
    }

    private static JavaProcess demo(String nodeId) throws IOException {
        return JavaProcess.start(List.of(), DemoMain.class, "--port", "0", "--admin-port", "0", "--node-id", nodeId,
                "--redis", "redis://127.0.0.1:6379");
    }
}
