package io.kalisocket.gateway;

import static io.kalisocket.gateway.GatewayTests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions set, updated and read from another connection's action. */
class GatewaySessionsTest {

    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension(() -> GatewayTests.start());

    @Test
    void setSession_fromAnotherConnection_replacesTheWholeSession() {
        TestClient owner = server.connect();
        TestClient admin = server.connect();
        owner.call("gw", "sessionSet", "values", Map.of("old", 1));
        admin.call("gw", "sessionSet", "target", id(owner), "values", Map.of("name", "ann", "level", 3));
        JsonNode seen = owner.call("gw", "sessionGet").path("data");
        assertThat(seen).isEqualTo(TestClient.parse("{\"name\":\"ann\",\"level\":3}"));
    }

    @Test
    void updateSession_fromAnotherConnection_mergesAndNullRemoves() {
        TestClient owner = server.connect();
        TestClient admin = server.connect();
        owner.call("gw", "sessionSet", "values", Map.of("name", "ann", "level", 3));
        Map<String, Object> changes = new java.util.HashMap<>();
        changes.put("level", 4);
        changes.put("name", null);
        changes.put("room", "r1");
        admin.call("gw", "sessionUpdate", "target", id(owner), "values", changes);
        assertThat(owner.call("gw", "sessionGet").path("data"))
                .isEqualTo(TestClient.parse("{\"level\":4,\"room\":\"r1\"}"));
    }

    @Test
    void getSession_ofAnotherConnection_readsIt_andIsEmptyWhenOffline() {
        TestClient owner = server.connect();
        TestClient reader = server.connect();
        owner.call("gw", "sessionSet", "values", Map.of("name", "ann"));
        String ownerId = id(owner);
        assertThat(reader.call("gw", "sessionGet", "target", ownerId).path("data"))
                .isEqualTo(TestClient.parse("{\"name\":\"ann\"}"));
        assertThat(reader.call("gw", "sessionGet", "target", id(reader)).path("data"))
                .as("never set: an empty session").isEqualTo(TestClient.parse("{}"));
        owner.close();
        await().until(() -> server.gateway().getSession(ownerId).isEmpty());
        assertThat(reader.call("gw", "sessionGet", "target", ownerId).path("data").isNull()).isTrue();
    }
}
