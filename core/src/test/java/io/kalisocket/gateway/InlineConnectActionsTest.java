package io.kalisocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.KaliServer;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connect and close actions declared {@code @Inline} run on the connection's event loop ({@code kali-io-*}), with
 * no hand-off to an action thread ({@code kali-action-*}); undeclared ones, and any whose {@code onClose} must run
 * after them, run on the connection's action queue as before.
 */
class InlineConnectActionsTest {

    private static TestServer start(boolean withOnClose) {
        return TestServer.start(c -> {
            KaliServer server = KaliServer.create(c).controllers(LoopController.class, GateController.class,
                    GwController.class, IndexController.class);
            return withOnClose ? server.onClose(connection -> { }) : server;
        }, "connect-actions.enabled", "true", "limits.max-connections-per-ip", "0");
    }

    @Test
    void anInlineConnectAction_runsOnTheEventLoop_andItsPushComesFirst() {
        try (TestServer server = start(false)) {
            TestClient ann = server.connect("ct=loop");
            ann.call("gw", "whoami");
            assertThat(ann.receivedJson(Json.type("pongMsg").negate()).get(0).path("type").asText())
                    .isEqualTo("loop_online");
            assertThat(ann.awaitType("loop_online").path("thread").asText()).startsWith("kali-io");
        }
    }

    @Test
    void anInlineCloseAction_runsOnTheEventLoop() {
        try (TestServer server = start(false)) {
            assertThat(threadOfCloseAction(server)).startsWith("kali-io");
        }
    }

    @Test
    void connectActionsNotDeclaredInline_runOnAnActionThread() {
        try (TestServer server = start(false)) {
            TestClient ann = server.connect("ct=gate");
            assertThat(ann.awaitType("online_ran").path("thread").asText()).startsWith("kali-action");
        }
    }

    @Test
    void withAnOnCloseCallback_anInlineCloseAction_runsOnTheActionQueue_beforeIt() {
        try (TestServer server = start(true)) {
            assertThat(threadOfCloseAction(server)).startsWith("kali-action");
        }
    }

    /**
     * Ann leaves, having sent nothing (so nothing of hers is queued); Bob hears of it from her close action.
     *
     * @return the name of the thread that ran it
     */
    private static String threadOfCloseAction(TestServer server) {
        TestClient ann = server.connect("ct=loop");
        TestClient bob = server.connect("ct=loop");
        String annId = ann.awaitType("loop_online").path("client_id").asText();
        bob.awaitType("loop_online");
        ann.close();
        return bob.awaitJson(m -> m.path("type").asText().equals("loop_offline")
                && m.path("client_id").asText().equals(annId)).path("thread").asText();
    }

    @Test
    void aMessageSentRightAfterTheUpgrade_runsAfterTheInlineConnectAction() {
        try (TestServer server = start(false)) {
            for (int i = 0; i < 20; i++) {
                TestClient c = server.connect("ct=loop");
                c.sendJson(Map.of("ct", "gw", "ac", "whoami", "msgid", "m" + i));
                c.awaitReply("m" + i);
                assertThat(c.receivedJson(Json.type("pongMsg").negate()).get(0).path("type").asText())
                        .isEqualTo("loop_online");
            }
        }
    }
}
