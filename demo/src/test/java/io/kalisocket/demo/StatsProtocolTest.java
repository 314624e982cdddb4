package io.kalisocket.demo;

import static io.kalisocket.testing.KaliAssertions.assertThatReply;

import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stats/online}. */
class StatsProtocolTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> DemoServers.start());

    @Test
    void online_countsClientsUidsAndGroups() {
        TestClient ann = server.connect("uid=ann");
        TestClient annAgain = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        server.connect();
        ann.call("room", "join", "room", "r1");
        annAgain.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r2");
        assertThatReply(bob.call("stats", "online")).isOk().isFor("stats", "online")
                .hasData("{\"clients\":4,\"uids\":2,\"groups\":2}");
    }
}
