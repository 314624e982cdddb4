package io.kalisocket.demo;

import static io.kalisocket.testing.KaliAssertions.assertThat;
import static io.kalisocket.testing.KaliAssertions.assertThatReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's connect and close: welcome, online, offline (issue 3, "The demo chat app"). */
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
        TestClient ann = server.connect("uid=ann");
        JsonNode welcome = ann.awaitJson(Json.type("welcome"));
        assertThat(welcome.get("uid").asText()).isEqualTo("ann");
        assertThat(server.gateway().getClientIdByUid("ann")).containsExactly(welcome.get("client_id").asText());
    }

    @Test
    void online_isToldToEveryOtherClient_notToTheNewOne() {
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        String bobId = bob.awaitJson(Json.type("welcome")).get("client_id").asText();
        JsonNode online = ann.awaitJson(Json.type("online"));
        assertThat(online.toString()).isEqualTo("{\"type\":\"online\",\"client_id\":\"" + bobId + "\",\"uid\":\"bob\"}");
        bob.call("stats", "online");
        // Ann's own online may reach Bob (he can be connected before her action broadcasts it); his own must not.
        assertThat(bob).receivedNone(Json.type("online").and(Json.field("client_id", bobId)));
    }

    @Test
    void offline_isToldToEveryOtherClient() {
        TestClient ann = server.connect();
        TestClient bob = server.connect("uid=bob");
        String bobId = bob.awaitJson(Json.type("welcome")).get("client_id").asText();
        bob.close();
        JsonNode offline = ann.awaitJson(Json.type("offline"));
        assertThat(offline.toString()).isEqualTo("{\"type\":\"offline\",\"client_id\":\"" + bobId + "\",\"uid\":\"bob\"}");
    }

    @Test
    void offline_carriesTheUidLoggedInLater() {
        TestClient ann = server.connect();
        TestClient bob = server.connect();
        bob.call("user", "login", "uid", "bobby");
        bob.close();
        assertThat(ann.awaitJson(Json.type("offline")).get("uid").asText()).isEqualTo("bobby");
    }

    @Test
    void aUidOver64Characters_closesTheConnectionWith1008_andNobodyIsTold() {
        TestClient ann = server.connect();
        TestClient refused = server.connect("uid=" + "u".repeat(65));
        assertThat(refused.awaitClose()).isEqualTo(1008);
        assertThat(refused).receivedNone(Json.type("welcome"));
        await().until(() -> server.gateway().getAllClientIdCount() == 1);
        ann.call("stats", "online");
        assertThat(ann).receivedNone(Json.type("online")).receivedNone(Json.type("offline"));
    }

    @Test
    void theLifecycleActions_cannotBeCalledByAClient() {
        TestClient ann = server.connect("uid=ann");
        assertThatReply(ann.call("index", "online", "uid", "eve")).hasCode(403);
        assertThatReply(ann.call("index", "offline")).hasCode(403);
        assertThat(ann).receivedOnce(Json.type("welcome"));
        assertThat(server.gateway().isUidOnline("eve")).isFalse();
    }
}
