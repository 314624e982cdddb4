package io.kalisocket.gateway;

import static io.kalisocket.gateway.GatewayTests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users: binding uids to connections, one user on several connections, and what closing does. */
class GatewayUsersTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> GatewayTests.start());

    @Test
    void bindUid_makesTheUserOnlineOnEveryConnection() {
        TestClient phone = server.connect();
        TestClient laptop = server.connect();
        phone.call("gw", "bind", "uid", "ann");
        laptop.call("gw", "bind", "uid", "ann");
        Gateway gw = server.gateway();
        assertThat(gw.isUidOnline("ann")).isTrue();
        assertThat(gw.getClientIdByUid("ann")).containsExactlyInAnyOrder(id(phone), id(laptop));
        assertThat(gw.getUidByClientId(id(phone))).contains("ann");
        assertThat(gw.getAllUidList()).containsExactly("ann");
        assertThat(gw.getAllUidCount()).isEqualTo(1);
    }

    @Test
    void bindUid_again_rebindsTheConnection() {
        TestClient a = server.connect();
        a.call("gw", "bind", "uid", "ann");
        a.call("gw", "bind", "uid", "bob");
        Gateway gw = server.gateway();
        assertThat(gw.isUidOnline("ann")).isFalse();
        assertThat(gw.getClientIdByUid("bob")).containsExactly(id(a));
        assertThat(gw.getAllUidList()).containsExactly("bob");
    }

    @Test
    void unbindUid_onlyUnbindsThatUid() {
        TestClient a = server.connect();
        a.call("gw", "bind", "uid", "ann");
        server.gateway().unbindUid(id(a), "bob");
        assertThat(server.gateway().getUidByClientId(id(a))).contains("ann");
        server.gateway().unbindUid(id(a), "ann");
        assertThat(server.gateway().getUidByClientId(id(a))).isEmpty();
        assertThat(server.gateway().isUidOnline("ann")).isFalse();
        assertThat(server.gateway().getAllUidCount()).isZero();
    }

    @Test
    void closing_unbindsTheConnectionAndTheUserGoesWithItsLastOne() {
        TestClient phone = server.connect();
        TestClient laptop = server.connect();
        phone.call("gw", "bind", "uid", "ann");
        laptop.call("gw", "bind", "uid", "ann");
        String laptopId = id(laptop);
        phone.close();
        await().until(() -> server.gateway().getClientIdByUid("ann").size() == 1);
        assertThat(server.gateway().getClientIdByUid("ann")).containsExactly(laptopId);
        laptop.close();
        await().until(() -> !server.gateway().isUidOnline("ann"));
        assertThat(server.gateway().getAllUidList()).isEmpty();
    }

    @Test
    void bindUid_refusesAnEmptyOrTooLongUid() {
        TestClient a = server.connect();
        String id = id(a);
        assertThatThrownBy(() -> server.gateway().bindUid(id, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.gateway().bindUid(id, "u".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        server.gateway().bindUid(id, "u".repeat(64));
        assertThat(server.gateway().getUidByClientId(id)).contains("u".repeat(64));
    }

    @Test
    void receipts_onceBound_dedupByUidAcrossReconnects() {
        TestClient first = server.connect();
        first.call("gw", "bind", "uid", "dedup-ann");
        first.sendJson(Map.of("ct", "gw", "ac", "count", "msgid", "same-1"));
        JsonNode ran = first.awaitReply("same-1");
        first.close();
        TestClient again = server.connect();
        again.call("gw", "bind", "uid", "dedup-ann");
        again.sendJson(Map.of("ct", "gw", "ac", "count", "msgid", "same-1"));
        again.awaitJson(Json.type("pongMsg"));
        JsonNode after = again.call("gw", "count");
        assertThat(again.receivedJson(Json.field("msgid", "same-1")))
                .as("acknowledged again, not run again").hasSize(1)
                .allMatch(Json.type("pongMsg"));
        assertThat(after.path("data").asInt()).as("only the later call ran").isEqualTo(ran.path("data").asInt() + 1);
    }
}
