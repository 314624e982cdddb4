package io.kalisocket.gateway;

import static io.kalisocket.gateway.GatewayTests.id;
import static io.kalisocket.testing.KaliAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import io.kalisocket.testing.TestServerExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's sends, each over real sockets to several clients: who gets what, once, and the counts. */
class GatewaySendTest {

    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension(() -> GatewayTests.start());

    @Test
    void sendToClient_reachesThatClientOnly() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        int handed = server.gateway().sendToClient(id(a), Map.of("type", "one"));
        assertThat(handed).isEqualTo(1);
        a.awaitJson(Json.type("one"));
        b.call("gw", "whoami"); // b's reply comes after anything sent to b before it
        assertThat(b).receivedNone(Json.type("one"));
    }

    @Test
    void sendToClient_ofAnUnknownIdHandsNothing() {
        assertThat(server.gateway().sendToClient("nobody-0-0", "x")).isZero();
    }

    @Test
    void sendToClients_reachesEachListedClientOnce() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        TestClient c = server.connect();
        int handed = server.gateway().sendToClients(List.of(id(a), id(b), id(a), "nobody-0-0"), Map.of("type", "some"));
        assertThat(handed).isEqualTo(2);
        a.awaitJson(Json.type("some"));
        b.awaitJson(Json.type("some"));
        c.call("gw", "whoami");
        a.call("gw", "whoami");
        assertThat(a).receivedOnce(Json.type("some"));
        assertThat(c).receivedNone(Json.type("some"));
    }

    @Test
    void sendToUid_reachesEveryConnectionOfTheUserAndCountsThem() {
        TestClient phone = server.connect();
        TestClient laptop = server.connect();
        phone.call("gw", "bind", "uid", "send-ann");
        laptop.call("gw", "bind", "uid", "send-ann");
        int handed = server.gateway().sendToUid("send-ann", Map.of("type", "dm"));
        assertThat(handed).isEqualTo(2);
        phone.awaitJson(Json.type("dm"));
        laptop.awaitJson(Json.type("dm"));
        assertThat(server.gateway().sendToUid("send-nobody", "x")).isZero();
    }

    @Test
    void sendToUids_reachesEachConnectionOnce() {
        TestClient ann = server.connect();
        TestClient bob = server.connect();
        ann.call("gw", "bind", "uid", "uids-ann");
        bob.call("gw", "bind", "uid", "uids-bob");
        int handed = server.gateway().sendToUids(List.of("uids-ann", "uids-bob", "uids-ann", "uids-nobody"),
                Map.of("type", "news"));
        assertThat(handed).isEqualTo(2);
        ann.awaitJson(Json.type("news"));
        bob.awaitJson(Json.type("news"));
        ann.call("gw", "whoami");
        assertThat(ann).receivedOnce(Json.type("news"));
    }

    @Test
    void sendToGroup_skipsTheExcludedAndNonMembers() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        TestClient c = server.connect();
        TestClient outsider = server.connect();
        for (TestClient member : List.of(a, b, c)) {
            member.call("gw", "join", "group", "send-g1");
        }
        int handed = server.gateway().sendToGroup("send-g1", Map.of("type", "g"), id(c));
        assertThat(handed).isEqualTo(2);
        a.awaitJson(Json.type("g"));
        b.awaitJson(Json.type("g"));
        c.call("gw", "whoami");
        outsider.call("gw", "whoami");
        assertThat(c).receivedNone(Json.type("g"));
        assertThat(outsider).receivedNone(Json.type("g"));
    }

    @Test
    void sendToGroup_fromAnActionExcludesTheSender() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        a.call("gw", "join", "group", "send-g2");
        b.call("gw", "join", "group", "send-g2");
        assertThat(a.call("gw", "say", "group", "send-g2", "text", "hi").path("data").asInt()).isEqualTo(1);
        assertThat(b.awaitJson(Json.type("said")).path("text").asText()).isEqualTo("hi");
        assertThat(a).receivedNone(Json.type("said"));
    }

    @Test
    void oneThreadsGroupAndClientSends_reachAClientInTheOrderMade() {
        TestClient a = server.connect();
        a.call("gw", "join", "group", "send-order");
        for (int i = 0; i < 100; i++) {
            server.gateway().sendToGroup("send-order", Map.of("type", "ordered", "n", 2 * i));
            server.gateway().sendToClient(id(a), Map.of("type", "ordered", "n", 2 * i + 1));
        }
        List<Integer> arrived = a.awaitJson(200, Json.type("ordered")).stream().map(m -> m.path("n").asInt()).toList();
        assertThat(arrived).isEqualTo(IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void sendToGroups_reachesAMemberOfSeveralGroupsOnce() {
        TestClient both = server.connect();
        TestClient one = server.connect();
        TestClient excluded = server.connect();
        both.call("gw", "join", "group", "send-g3");
        both.call("gw", "join", "group", "send-g4");
        one.call("gw", "join", "group", "send-g4");
        excluded.call("gw", "join", "group", "send-g3");
        int handed = server.gateway().sendToGroups(List.of("send-g3", "send-g4"), Map.of("type", "multi"),
                id(excluded));
        assertThat(handed).isEqualTo(2);
        one.awaitJson(Json.type("multi"));
        both.awaitJson(Json.type("multi"));
        both.call("gw", "whoami");
        excluded.call("gw", "whoami");
        assertThat(both).receivedOnce(Json.type("multi"));
        assertThat(excluded).receivedNone(Json.type("multi"));
    }

    @Test
    void sendToAll_reachesEveryoneButTheExcluded() {
        try (TestServer own = GatewayTests.start()) {
            List<TestClient> clients = own.connect(4);
            int handed = own.gateway().sendToAll(Map.of("type", "all"), id(clients.get(3)));
            assertThat(handed).isEqualTo(3);
            clients.subList(0, 3).forEach(c -> c.awaitJson(Json.type("all")));
            clients.get(3).call("gw", "whoami");
            assertThat(clients.get(3)).receivedNone(Json.type("all"));
        }
    }

    @Test
    void aStringIsSentAsItIsAndAnObjectAsJson() {
        TestClient a = server.connect();
        server.gateway().sendToClient(id(a), "plain text, not JSON");
        server.gateway().sendToClient(id(a), new Point(1, 2));
        a.awaitJson(Json.field("x", 1));
        assertThat(a.received()).contains("plain text, not JSON", "{\"x\":1,\"y\":2}");
    }

    /** @param x a number @param y another */
    record Point(int x, int y) {
    }
}
