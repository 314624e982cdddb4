package io.kalisocket.demo;

import static io.kalisocket.testing.KaliAssertions.assertThat;
import static io.kalisocket.testing.KaliAssertions.assertThatReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's connect and close: welcome at once, and the others told in {@code presence} frames (issue 3, "The demo
 * chat app"; the frames' batching on a fake clock: {@link PresenceProtocolTest}).
 */
class ConnectProtocolTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> DemoServers.start());

    @Test
    void welcome_withoutUid_hasUidNull() {
        TestClient ann = server.connect();
        JsonNode welcome = ann.awaitJson(Json.type("welcome"));
        assertThat(welcome.fieldNames()).toIterable().containsExactly("type", "client_id", "uid");
        assertThat(welcome.get("client_id").asText()).isNotEmpty();
        assertThat(welcome.get("uid").isNull()).isTrue();
        assertThat(server.gateway().getAllUidCount()).isZero();
    }

    @Test
    void welcome_withUid_bindsItAtOnce() {
        TestClient ann = server.connect("roster=1&uid=ann");
        JsonNode welcome = ann.awaitJson(Json.type("welcome"));
        assertThat(welcome.get("uid").asText()).isEqualTo("ann");
        assertThat(server.gateway().getClientIdByUid("ann")).containsExactly(welcome.get("client_id").asText());
    }

    @Test
    void arrivalsAndDepartures_reachEveryClient_inPresenceFrames() {
        TestClient ann = server.connect("roster=1&uid=ann");
        TestClient bob = server.connect("roster=1&uid=bob");
        String bobId = DemoServers.clientId(bob);
        ann.awaitJson(DemoServers.presence("online", bobId));
        bob.close();
        JsonNode offline = ann.awaitJson(DemoServers.presence("offline", bobId));
        assertThat(offline.toString()).isEqualTo(
                "{\"type\":\"presence\",\"online\":[],"
                        + "\"offline\":[{\"client_id\":\"" + bobId + "\",\"uid\":\"bob\"}]}");
    }

    @Test
    void theLifecycleActions_cannotBeCalledByAClient() {
        TestClient ann = server.connect("roster=1&uid=ann");
        assertThatReply(ann.call("index", "online", "uid", "eve")).hasCode(403);
        assertThatReply(ann.call("index", "offline")).hasCode(403);
        assertThat(ann).receivedOnce(Json.type("welcome"));
        assertThat(server.gateway().isUidOnline("eve")).isFalse();
    }
}
