package io.kalisocket.gateway;

import static io.kalisocket.testing.KaliAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A big group: every member gets every message once, in order; the sender gets none of them. */
class GroupFanoutTest {

    static final int MEMBERS = 300;
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension(() -> GatewayTests.start("server.worker-threads", "4"));

    @Test
    void aGroupOf300_getsFiveMessagesInOrder_onceEach_andNothingForTheSender() {
        TestClient sender = server.connect();
        List<TestClient> members = server.connect(MEMBERS);
        sender.call("gw", "join", "group", "big");
        members.forEach(m -> m.call("gw", "join", "group", "big"));
        assertThat(server.gateway().getClientIdCountByGroup("big")).isEqualTo(MEMBERS + 1);

        for (int i = 1; i <= 5; i++) {
            assertThat(sender.call("gw", "say", "group", "big", "text", "m" + i).path("data").asInt())
                    .as("handed to every member but the sender").isEqualTo(MEMBERS);
        }

        for (TestClient member : members) {
            member.awaitJson(5, Json.type("said"));
        }
        for (TestClient member : members) {
            member.call("gw", "whoami"); // anything sent to it earlier has arrived before this reply
            assertThat(member).receivedInOrder(Json.type("said"), "text", "m1", "m2", "m3", "m4", "m5");
        }
        assertThat(sender).receivedNone(Json.type("said"));
    }
}
