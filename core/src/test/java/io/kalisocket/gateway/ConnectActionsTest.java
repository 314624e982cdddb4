package io.kalisocket.gateway;

import static io.kalisocket.gateway.GatewayTests.id;
import static io.kalisocket.testing.KaliAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import io.kalisocket.testing.TestServerExtension;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connect actions: the query string runs as the connect call; {@code offline} runs on the same controller at close. */
class ConnectActionsTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> GatewayTests.start("connect-actions.enabled", "true"));

    @AfterEach
    void reset() {
        GwController.holdLatch = new CountDownLatch(0);
    }

    @Test
    void connect_runsTheQueryStringWithIpAndClientId() {
        TestClient a = server.connect("ct=gate&room=r1&x=1");
        JsonNode params = a.awaitJson(Json.type("online_ran")).path("params");
        assertThat(params.path("ct").asText()).isEqualTo("gate");
        assertThat(params.path("ac").asText()).isEqualTo("online");
        assertThat(params.path("room").asText()).isEqualTo("r1");
        assertThat(params.path("x").asText()).isEqualTo("1");
        assertThat(params.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(params.path("client_id").asText()).isEqualTo(id(a));
    }

    @Test
    void connect_withoutCtOrAc_runsIndexOnline() {
        TestClient a = server.connect("uid=ann");
        JsonNode params = a.awaitJson(Json.type("index_online")).path("params");
        assertThat(params.path("ct").asText()).isEqualTo("index");
        assertThat(params.path("uid").asText()).isEqualTo("ann");
    }

    @Test
    void connect_runsBeforeAnyMessageOfTheClient() {
        TestClient a = server.connect("ct=gate");
        a.call("gw", "whoami");
        assertThat(a.receivedJson(Json.type("pongMsg").negate()).get(0).path("type").asText())
                .as("the first message but the call's receipt (sent on arrival)").isEqualTo("online_ran");
    }

    @Test
    void defaults_areConfigurable() {
        try (TestServer own = GatewayTests.start("connect-actions.enabled", "true",
                "connect-actions.connect-controller", "gate")) {
            own.connect().awaitJson(Json.type("online_ran"));
        }
    }

    @Test
    void theDeprecatedGatewayKeys_stillSwitchThemOn() {
        try (TestServer own = GatewayTests.start("gateway.enabled", "true", "gateway.connect-controller", "gate")) {
            own.connect().awaitJson(Json.type("online_ran"));
        }
    }

    @Test
    void close_runsOfflineOnTheConnectController() {
        TestClient a = server.connect("ct=gate");
        TestClient b = server.connect("ct=gate");
        String aId = id(a);
        a.call("gw", "bind", "uid", "ann");
        a.close();
        JsonNode gone = b.awaitJson(Json.type("offline_ran"));
        assertThat(gone.path("params").path("ct").asText()).isEqualTo("gate");
        assertThat(gone.path("params").path("ac").asText()).isEqualTo("offline");
        assertThat(gone.path("params").path("client_id").asText()).isEqualTo(aId);
        assertThat(gone.path("params").path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(gone.path("uid").asText()).as("still readable in offline").isEqualTo("ann");
        assertThat(gone.path("session").path("ct").asText()).isEqualTo("gate");
        assertThat(gone.path("session").path("ip").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void close_runsOfflineAfterEveryMessageAlreadyReceived() {
        GwController.holdLatch = new CountDownLatch(1);
        TestClient a = server.connect("ct=gate");
        TestClient b = server.connect("ct=gate");
        String aId = id(a);
        a.sendJson(Json.obj("ct", "gw", "ac", "hold"));
        a.close();
        await().until(() -> !server.gateway().isOnline(aId));
        b.call("gw", "whoami");
        assertThat(b).receivedNone(Json.type("offline_ran"));
        GwController.holdLatch.countDown();
        b.awaitJson(Json.type("offline_ran"));
        assertThat(b.receivedJson(n -> n.has("type") && !n.path("type").asText().startsWith("peer")))
                .extracting(n -> n.path("type").asText())
                .containsSubsequence("held", "offline_ran");
    }

    @Test
    void connect_mayRejectTheClientWithACloseCode() {
        TestClient refused = server.connect("ct=gate&token=bad");
        assertThat(refused.awaitClose()).isEqualTo(4001);
        assertThat(refused).receivedNone(Json.type("online_ran"));
    }

    @Test
    void aControllerWithoutOnlineOrOffline_isSkipped() {
        TestClient a = server.connect("ct=gw");
        TestClient nowhere = server.connect("ct=nosuch");
        TestClient watcher = server.connect("ct=gate");
        assertThat(id(a)).isNotEmpty();
        assertThat(id(nowhere)).isNotEmpty();
        a.close();
        nowhere.close();
        await().until(() -> server.gateway().getAllClientIdCount() == 1);
        watcher.call("gw", "whoami");
        assertThat(watcher).receivedNone(Json.type("offline_ran"));
        assertThat(a.receivedJson(n -> n.path("code").asInt() != 0)).isEmpty();
    }

    @Test
    void disabled_runsNothingOnConnect() {
        try (TestServer plain = GatewayTests.start()) {
            TestClient a = plain.connect("uid=ann");
            a.call("gw", "whoami");
            assertThat(a).receivedNone(Json.type("index_online"));
        }
    }
}
