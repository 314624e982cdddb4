package io.kalisocket.demo;

import static io.kalisocket.testing.KaliAssertions.assertThat;
import static io.kalisocket.testing.KaliAssertions.assertThatReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import io.kalisocket.testing.TestServerExtension;
import io.kalisocket.testing.TestTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code user/login} and {@code user/send}, with their 400 and 401 answers. */
class UserProtocolTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> DemoServers.start());

    @Test
    void login_bindsTheUid_andRepliesWithItAndTheClientId() {
        TestClient ann = server.connect();
        JsonNode reply = ann.call("user", "login", "uid", "ann");
        assertThatReply(reply).isOk().isFor("user", "login")
                .hasData("{\"uid\":\"ann\",\"client_id\":\"" + DemoServers.clientId(ann) + "\"}");
        assertThat(server.gateway().getUidByClientId(DemoServers.clientId(ann))).contains("ann");
    }

    @Test
    void login_again_rebinds() {
        TestClient ann = server.connect("uid=ann");
        assertThatReply(ann.call("user", "login", "uid", "anna")).isOk();
        assertThat(server.gateway().isUidOnline("ann")).isFalse();
        assertThat(server.gateway().getClientIdByUid("anna")).containsExactly(DemoServers.clientId(ann));
    }

    /** Issue 18: with auth on, the token's uid holds; user/login cannot move the connection to another user. */
    @Test
    void login_withAuthOn_asAnotherUserThanTheTokens_is403() {
        try (TestServer authed = DemoServers.start("auth.jwt.secret", TestTokens.SECRET)) {
            String token = TestTokens.hs256(TestTokens.SECRET).sign("ann", Instant.now().plusSeconds(600));
            TestClient ann = TestClient.connect(authed.port(), "token=" + token);
            assertThatReply(ann.call("user", "login", "uid", "mallory")).hasCode(403).hasMessageContaining("ann");
            assertThatReply(ann.call("user", "login", "uid", "ann")).isOk();
            assertThat(authed.gateway().getUidByClientId(DemoServers.clientId(ann))).contains("ann");
        }
    }

    @Test
    void login_withAnEmptyMissingOrTooLongUid_is400() {
        TestClient ann = server.connect();
        assertThatReply(ann.call("user", "login", "uid", "")).hasCode(400);
        assertThatReply(ann.call("user", "login")).hasCode(400);
        assertThatReply(ann.call("user", "login", "uid", "u".repeat(65))).hasCode(400).hasMessageContaining("uid");
        assertThatReply(ann.call("user", "login", "uid", "u".repeat(64))).isOk();
    }

    @Test
    void send_reachesEveryConnectionOfTheUser() {
        TestClient ann = server.connect("uid=ann");
        TestClient bobPhone = server.connect("uid=bob");
        TestClient bobLaptop = server.connect("uid=bob");
        JsonNode reply = ann.call("user", "send", "to", "bob", "text", "hi bob");
        assertThatReply(reply).isOk().isFor("user", "send").hasData("{\"delivered\":2}");
        for (TestClient bob : new TestClient[] {bobPhone, bobLaptop}) {
            JsonNode dm = bob.awaitJson(Json.type("private"));
            assertThat(dm.toString()).isEqualTo("{\"type\":\"private\",\"from\":\"ann\",\"text\":\"hi bob\"}");
        }
        assertThat(ann).receivedNone(Json.type("private"));
    }

    @Test
    void send_toAnOfflineUser_deliversNothing() {
        TestClient ann = server.connect("uid=ann");
        assertThatReply(ann.call("user", "send", "to", "nobody", "text", "hello?")).isOk().hasData("{\"delivered\":0}");
    }

    @Test
    void send_withoutLogin_is401() {
        TestClient anonymous = server.connect();
        TestClient bob = server.connect("uid=bob");
        assertThatReply(anonymous.call("user", "send", "to", "bob", "text", "hi")).hasCode(401);
        bob.call("stats", "online");
        assertThat(bob).receivedNone(Json.type("private"));
    }

    @Test
    void send_withAnEmptyOrTooLongText_is400() {
        TestClient ann = server.connect("uid=ann");
        server.connect("uid=bob");
        assertThatReply(ann.call("user", "send", "to", "bob", "text", "")).hasCode(400).hasMessageContaining("text");
        assertThatReply(ann.call("user", "send", "to", "bob")).hasCode(400);
        assertThatReply(ann.call("user", "send", "to", "bob", "text", "x".repeat(4097))).hasCode(400);
        assertThatReply(ann.call("user", "send", "to", "bob", "text", "x".repeat(4096))).isOk().hasData("{\"delivered\":1}");
    }

    @Test
    void send_withAnEmptyOrTooLongRecipient_is400() {
        TestClient ann = server.connect("uid=ann");
        assertThatReply(ann.call("user", "send", "to", "", "text", "hi")).hasCode(400).hasMessageContaining("to");
        assertThatReply(ann.call("user", "send", "text", "hi")).hasCode(400);
        assertThatReply(ann.call("user", "send", "to", "u".repeat(65), "text", "hi")).hasCode(400);
    }

    @Test
    void replies_carryTheMsgid_afterAReceipt() {
        TestClient ann = server.connect("uid=ann");
        JsonNode reply = ann.call("user", "login", "uid", "ann");
        String msgid = reply.get("msgid").asText();
        assertThat(reply.fieldNames()).toIterable().containsExactly("ct", "ac", "code", "msg", "data", "msgid");
        assertThat(ann).receivedOnce(Json.type("pongMsg").and(Json.field("msgid", msgid)));
    }
}
