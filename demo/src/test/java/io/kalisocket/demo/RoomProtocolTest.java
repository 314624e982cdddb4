package io.kalisocket.demo;

import static io.kalisocket.testing.KaliAssertions.assertThat;
import static io.kalisocket.testing.KaliAssertions.assertThatReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code room/join|leave|say|members}, with their 400 and 403 answers. */
class RoomProtocolTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> DemoServers.start());

    @Test
    void join_repliesWithTheMemberCount_andTellsTheOtherMembers() {
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        TestClient outsider = server.connect();
        assertThatReply(ann.call("room", "join", "room", "r1")).isOk().isFor("room", "join")
                .hasData("{\"room\":\"r1\",\"members\":1}");
        assertThatReply(bob.call("room", "join", "room", "r1")).isOk().hasData("{\"room\":\"r1\",\"members\":2}");
        JsonNode joined = ann.awaitJson(Json.type("join"));
        assertThat(joined.toString()).isEqualTo(
                "{\"type\":\"join\",\"room\":\"r1\",\"uid\":\"bob\",\"client_id\":\"" + DemoServers.clientId(bob) + "\"}");
        outsider.call("stats", "online");
        assertThat(outsider).receivedNone(Json.type("join"));
        assertThat(bob).receivedNone(Json.type("join"));
    }

    @Test
    void join_twice_countsOnce_andTellsOnce() {
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect();
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        assertThatReply(bob.call("room", "join", "room", "r1")).hasData("{\"room\":\"r1\",\"members\":2}");
        ann.call("stats", "online");
        assertThat(ann).receivedOnce(Json.type("join"));
        assertThat(ann.awaitJson(Json.type("join")).get("uid").isNull()).isTrue();
    }

    @Test
    void leave_replies_andTellsTheOtherMembers() {
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        assertThatReply(bob.call("room", "leave", "room", "r1")).isOk().isFor("room", "leave")
                .hasData("{\"room\":\"r1\",\"members\":1}");
        JsonNode left = ann.awaitJson(Json.type("leave"));
        assertThat(left.toString()).isEqualTo(
                "{\"type\":\"leave\",\"room\":\"r1\",\"uid\":\"bob\",\"client_id\":\"" + DemoServers.clientId(bob) + "\"}");
        assertThat(bob).receivedNone(Json.type("leave"));
    }

    @Test
    void closing_leavesEveryRoomTheSameWay() {
        TestClient ann = server.connect("uid=ann");
        TestClient carl = server.connect("uid=carl");
        TestClient bob = server.connect("uid=bob");
        String bobId = DemoServers.clientId(bob);
        ann.call("room", "join", "room", "r1");
        carl.call("room", "join", "room", "r2");
        bob.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r2");
        bob.close();
        assertThat(ann.awaitJson(Json.type("leave")).toString()).isEqualTo(
                "{\"type\":\"leave\",\"room\":\"r1\",\"uid\":\"bob\",\"client_id\":\"" + bobId + "\"}");
        assertThat(carl.awaitJson(Json.type("leave")).get("room").asText()).isEqualTo("r2");
        await().untilAsserted(() -> assertThatReply(carl.call("room", "members", "room", "r2"))
                .hasData("{\"count\":1,\"uids\":[\"carl\"]}"));
    }

    @Test
    void say_reachesEveryOtherMemberOnce_withIdAndTime() {
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        TestClient outsider = server.connect("uid=zed");
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        long before = System.currentTimeMillis();
        JsonNode reply = ann.call("room", "say", "room", "r1", "text", "hello");
        assertThatReply(reply).isOk().isFor("room", "say");
        long id = reply.get("data").get("id").asLong();
        JsonNode said = bob.awaitJson(Json.type("say"));
        assertThat(said.fieldNames()).toIterable().containsExactly("type", "room", "from", "text", "id", "ts");
        assertThat(said.get("room").asText()).isEqualTo("r1");
        assertThat(said.get("from").asText()).isEqualTo("ann");
        assertThat(said.get("text").asText()).isEqualTo("hello");
        assertThat(said.get("id").asLong()).isEqualTo(id);
        assertThat(said.get("ts").asLong()).isBetween(before, System.currentTimeMillis());
        ann.call("stats", "online");
        outsider.call("stats", "online");
        assertThat(ann).receivedNone(Json.type("say"));
        assertThat(outsider).receivedNone(Json.type("say"));
    }

    @Test
    void say_keepsTheOrder_andEveryMessageHasItsOwnId() {
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(ann.call("room", "say", "room", "r1", "text", "m" + i).get("data").get("id").asLong());
            ids.add(bob.call("room", "say", "room", "r1", "text", "b" + i).get("data").get("id").asLong());
        }
        assertThat(ids).doesNotHaveDuplicates();
        bob.awaitJson(5, Json.type("say"));
        assertThat(bob).receivedInOrder(Json.type("say"), "text", "m1", "m2", "m3", "m4", "m5");
        assertThat(ann.awaitJson(5, Json.type("say"))).extracting(n -> n.get("text").asText())
                .containsExactly("b1", "b2", "b3", "b4", "b5");
    }

    @Test
    void say_byANonMember_is403() {
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        bob.call("room", "join", "room", "r1");
        assertThatReply(ann.call("room", "say", "room", "r1", "text", "let me in")).hasCode(403);
        ann.call("room", "join", "room", "r1");
        ann.call("room", "leave", "room", "r1");
        assertThatReply(ann.call("room", "say", "room", "r1", "text", "again")).hasCode(403);
        bob.call("stats", "online");
        assertThat(bob).receivedNone(Json.type("say"));
    }

    @Test
    void say_withAnEmptyMissingOrTooLongText_is400() {
        TestClient ann = server.connect("uid=ann");
        ann.call("room", "join", "room", "r1");
        assertThatReply(ann.call("room", "say", "room", "r1", "text", "")).hasCode(400);
        assertThatReply(ann.call("room", "say", "room", "r1")).hasCode(400);
        assertThatReply(ann.call("room", "say", "room", "r1", "text", "x".repeat(4097))).hasCode(400);
        assertThatReply(ann.call("room", "say", "room", "r1", "text", "x".repeat(4096))).isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "r/1", "ünï", "room!", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aBadRoomName_is400_forEveryRoomAction(String room) {
        TestClient ann = server.connect("uid=ann");
        for (String ac : List.of("join", "leave", "say", "members")) {
            assertThatReply(ann.call("room", ac, "room", room, "text", "hi")).as(ac).hasCode(400)
                    .hasMessageContaining("room");
        }
        assertThat(server.gateway().getAllGroupIdList()).isEmpty();
    }

    @Test
    void aGoodRoomName_mayUseLettersDigitsAndUnderscoreDotDash() {
        TestClient ann = server.connect();
        String room = "Aa0_.-" + "z".repeat(58);
        assertThatReply(ann.call("room", "join", "room", room)).isOk();
        assertThatReply(ann.call("room", "join")).hasCode(400);
    }

    @Test
    void members_countsConnections_andListsDistinctUids() {
        TestClient annPhone = server.connect("uid=ann");
        TestClient annLaptop = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        TestClient anonymous = server.connect();
        for (TestClient c : List.of(annPhone, annLaptop, bob, anonymous)) {
            c.call("room", "join", "room", "r1");
        }
        assertThatReply(anonymous.call("room", "members", "room", "r1")).isOk().isFor("room", "members")
                .hasData("{\"count\":4,\"uids\":[\"ann\",\"bob\"]}");
        assertThatReply(anonymous.call("room", "members", "room", "empty")).hasData("{\"count\":0,\"uids\":[]}");
    }
}
