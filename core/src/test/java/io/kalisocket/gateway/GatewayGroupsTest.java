package io.kalisocket.gateway;

import static io.kalisocket.gateway.GatewayTests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Groups: listings and counts after joins, leaves, closes and ungroup. */
class GatewayGroupsTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> GatewayTests.start());
    Gateway gw;

    @BeforeEach
    void gateway() {
        gw = server.gateway();
    }

    @Test
    void joinGroup_listsAndCountsTheMembers() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        assertThat(a.call("gw", "join", "group", "room").path("data").asInt()).isEqualTo(1);
        assertThat(b.call("gw", "join", "group", "room").path("data").asInt()).isEqualTo(2);
        assertThat(b.call("gw", "join", "group", "room").path("data").asInt()).as("joining twice").isEqualTo(2);
        assertThat(gw.getClientIdListByGroup("room")).containsExactlyInAnyOrder(id(a), id(b));
        assertThat(gw.getClientIdCountByGroup("room")).isEqualTo(2);
        assertThat(gw.getAllGroupIdList()).containsExactly("room");
        assertThat(gw.getAllGroupClientIdList()).containsOnlyKeys("room");
        assertThat(gw.getAllGroupClientIdCount()).containsExactly(Map.entry("room", 2));
    }

    @Test
    void leaveGroup_removesTheMemberAndTheEmptyGroup() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        a.call("gw", "join", "group", "room");
        b.call("gw", "join", "group", "room");
        assertThat(a.call("gw", "leave", "group", "room").path("data").asInt()).isEqualTo(1);
        assertThat(gw.getClientIdListByGroup("room")).containsExactly(id(b));
        b.call("gw", "leave", "group", "room");
        assertThat(gw.getClientIdCountByGroup("room")).isZero();
        assertThat(gw.getAllGroupIdList()).isEmpty();
        assertThat(gw.getAllGroupClientIdCount()).isEmpty();
    }

    @Test
    void leaveGroup_ofAConnectionInNoGroup_changesNothing() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        b.call("gw", "join", "group", "room");
        gw.leaveGroup(id(a), "room"); // a never joined any group: its set of groups does not even exist
        assertThat(gw.getClientIdListByGroup("room")).containsExactly(id(b));
        assertThat(a.call("gw", "leave", "group", "room").path("code").asInt()).isZero();
    }

    @Test
    void closing_leavesEveryGroup() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        a.call("gw", "join", "group", "r1");
        a.call("gw", "join", "group", "r2");
        b.call("gw", "join", "group", "r2");
        a.close();
        await().until(() -> gw.getClientIdCountByGroup("r2") == 1);
        assertThat(gw.getClientIdListByGroup("r2")).containsExactly(id(b));
        assertThat(gw.getAllGroupIdList()).containsExactly("r2");
    }

    @Test
    void aClientMadeToJoinByAnotherLeavesOnClose() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        a.call("gw", "join", "target", id(b), "group", "pulled");
        assertThat(gw.getClientIdListByGroup("pulled")).containsExactly(id(b));
        b.close();
        await().until(() -> gw.getAllGroupIdList().isEmpty());
    }

    @Test
    void ungroup_dissolvesTheGroup() {
        List<TestClient> members = server.connect(3);
        members.forEach(m -> m.call("gw", "join", "group", "gone"));
        members.get(0).call("gw", "join", "group", "kept");
        gw.ungroup("gone");
        assertThat(gw.getClientIdCountByGroup("gone")).isZero();
        assertThat(gw.getAllGroupIdList()).containsExactly("kept");
        members.get(0).close();
        await().until(() -> gw.getAllGroupIdList().isEmpty());
    }

    @Test
    void uidListings_countDistinctBoundUsers() {
        TestClient phone = server.connect();
        TestClient laptop = server.connect();
        TestClient bob = server.connect();
        TestClient anonymous = server.connect();
        phone.call("gw", "bind", "uid", "ann");
        laptop.call("gw", "bind", "uid", "ann");
        bob.call("gw", "bind", "uid", "bob");
        for (TestClient c : List.of(phone, laptop, bob, anonymous)) {
            c.call("gw", "join", "group", "room");
        }
        bob.call("gw", "join", "group", "other");
        assertThat(gw.getClientIdCountByGroup("room")).isEqualTo(4);
        assertThat(gw.getUidListByGroup("room")).containsExactly("ann", "bob");
        assertThat(gw.getUidCountByGroup("room")).isEqualTo(2);
        assertThat(gw.getAllGroupUidList()).containsExactly(
                Map.entry("other", Set.of("bob")), Map.entry("room", Set.of("ann", "bob")));
        assertThat(gw.getAllGroupUidCount()).containsExactly(Map.entry("other", 1), Map.entry("room", 2));
    }

    @Test
    void clientSessionsByGroup_areTheMembersSessions() {
        TestClient a = server.connect();
        TestClient b = server.connect();
        server.connect().call("gw", "sessionSet", "values", Map.of("x", "outsider"));
        a.call("gw", "sessionSet", "values", Map.of("name", "ann"));
        a.call("gw", "join", "group", "room");
        b.call("gw", "join", "group", "room");
        Map<String, Map<String, Object>> sessions = gw.getClientSessionsByGroup("room");
        assertThat(sessions).containsOnlyKeys(id(a), id(b));
        assertThat(sessions.get(id(a))).containsEntry("name", "ann");
    }

    @Test
    void joinGroup_refusesAnEmptyOrTooLongName() {
        String id = id(server.connect());
        assertThatThrownBy(() -> gw.joinGroup(id, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gw.joinGroup(id, "g".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(gw.getAllGroupIdList()).isEmpty();
    }
}
