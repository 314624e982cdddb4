package io.kalisocket.demo.examples;

import static io.kalisocket.testing.KaliAssertions.assertThat;
import static io.kalisocket.testing.KaliAssertions.assertThatReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.demo.DemoServers;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import io.kalisocket.testing.TestServerExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's GatewayWorker example (an {@code Events} class with the connect actions on), used over a real socket. */
class GatewayWorkerExampleTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> TestServer.start(GatewayWorkerExample::create));

    @Test
    void connect_runsOnline_andTheSessionKeepsTheRealIp() {
        TestClient ann = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/?uid=ann"),
                Map.of("X-Real-IP", "10.1.2.3"));
        JsonNode welcome = ann.awaitJson(Json.type("welcome"));
        assertThat(welcome.get("uid").asText()).isEqualTo("ann");
        assertThat(server.gateway().getSession(welcome.get("client_id").asText()).orElseThrow())
                .containsEntry("ip", "10.1.2.3").containsEntry("ct", "index");
        ann.close();
    }

    @Test
    void heartbeat_isAnswered() {
        TestClient ann = server.connect();
        ann.awaitJson(Json.type("welcome"));
        ann.send("~H#C~");
        ann.awaitMessages(2);
        assertThat(ann.received()).contains("~H#S~");
    }

    @Test
    void aResentMsgid_isAcknowledgedAgain_butRunsOnce() {
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        Map<String, Object> say = Json.obj("ct", "room", "ac", "say", "room", "r1", "text", "once", "msgid", "m-1");
        ann.sendJson(say);
        ann.sendJson(say);
        ann.awaitJson(2, Json.type("pongMsg").and(Json.field("msgid", "m-1")));
        ann.call("stats", "online");
        assertThat(ann.receivedJson(Json.field("msgid", "m-1").and(n -> n.has("code")))).hasSize(1);
        bob.awaitJson(Json.type("say"));
        bob.call("stats", "online");
        assertThat(bob).receivedOnce(Json.type("say"));
    }

    @Test
    void whatIsNotACall_isIgnored() {
        TestClient ann = server.connect();
        ann.awaitJson(Json.type("welcome"));
        ann.send("not json");
        ann.sendJson(Map.of("ac", "online"));
        assertThatReply(ann.call("stats", "online")).isOk();
        assertThat(ann.receivedJson(n -> n.has("code"))).hasSize(1);
    }

    @Test
    void close_runsOffline() {
        TestClient ann = server.connect("roster=1&uid=ann"); // roster: ann hears who came and went
        TestClient bob = server.connect("uid=bob");
        String bobId = DemoServers.clientId(bob);
        ann.awaitJson(DemoServers.presence("online", bobId)); // one that came and went unannounced is no news
        bob.close();
        JsonNode offline = ann.awaitJson(DemoServers.presence("offline", bobId)).get("offline").get(0);
        assertThat(offline.get("uid").asText()).isEqualTo("bob");
    }
}
