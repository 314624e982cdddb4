package io.kalisocket.gateway;

import static io.kalisocket.gateway.GatewayTests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connections: online checks, closing another client, listing every connection and its session. */
class GatewayConnectionsTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> GatewayTests.start());

    @Test
    void isOnline_untilTheClientCloses() {
        TestClient a = server.connect();
        String id = id(a);
        assertThat(server.gateway().isOnline(id)).isTrue();
        a.close();
        await().until(() -> !server.gateway().isOnline(id));
        assertThat(server.gateway().isOnline("nobody-0-0")).isFalse();
    }

    @Test
    void closeClient_ofAnotherClientClosesItNormally() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        String bId = id(b);
        a.call("gw", "kick", "target", bId);
        assertThat(b.awaitClose()).isEqualTo(1000);
        await().until(() -> !server.gateway().isOnline(bId));
        assertThat(a.isClosed()).isFalse();
    }

    @Test
    void closeClient_withAMessageSendsItFirst() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        a.call("gw", "kick", "target", id(b), "text", "see you");
        assertThat(b.awaitClose()).isEqualTo(1000);
        assertThat(b.awaitJson(Json.type("bye")).path("text").asText()).isEqualTo("see you");
    }

    @Test
    void allClientIdList_andCount_followConnectsAndCloses() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        TestClient c = server.connect();
        String aId = id(a);
        String bId = id(b);
        String cId = id(c);
        assertThat(server.gateway().getAllClientIdList()).containsExactlyInAnyOrder(aId, bId, cId);
        assertThat(server.gateway().getAllClientIdCount()).isEqualTo(3);
        b.close();
        await().until(() -> server.gateway().getAllClientIdCount() == 2);
        assertThat(server.gateway().getAllClientIdList()).containsExactlyInAnyOrder(aId, cId);
    }

    @Test
    void allClientSessions_hasEveryConnectionEvenWithoutASession() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        a.call("gw", "sessionSet", "values", Map.of("name", "ann"));
        Map<String, Map<String, Object>> sessions = server.gateway().getAllClientSessions();
        assertThat(sessions).containsOnlyKeys(id(a), id(b));
        assertThat(sessions.get(id(a))).containsExactly(Map.entry("name", "ann"));
        assertThat(sessions.get(id(b))).isEmpty();
    }
}
