package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The receipts' dedup window lives in Redis when clustered: a logged-in client that reconnects to another
 * node and resends a msgid is acknowledged again but the action does not run twice.
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class ReceiptDedupAcrossNodesTest {

    @Parameter
    RedisKind kind;

    private Nodes nodes;

    @BeforeEach
    void start(RedisTargets.Targets redis) {
        nodes = new Nodes(ClusterConfig.of(redis.uri(kind)).withKeyPrefix(RedisForTests.freshPrefix()));
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void resentMsgidOnAnotherNode_isAcknowledgedButNotRunAgain() {
        Nodes.Node a = nodes.start("a");
        Nodes.Node b = nodes.start("b");
        TestClient auditor = nodes.connect(b);
        b.gateway().bindUid(nodes.id(auditor), "audit");

        TestClient first = nodes.connect(a);
        first.call("probe", "login", "uid", "carol");
        first.send("{\"ct\":\"probe\",\"ac\":\"once\",\"msgid\":\"m1\"}");
        first.awaitReply("m1");
        first.close(); // the receipt was "lost": the client comes back elsewhere and resends

        TestClient again = nodes.connect(b);
        again.call("probe", "login", "uid", "carol");
        again.send("{\"ct\":\"probe\",\"ac\":\"once\",\"msgid\":\"m1\"}");
        again.awaitJson(Json.type("pongMsg").and(Json.field("msgid", "m1")));
        again.send("{\"ct\":\"probe\",\"ac\":\"once\",\"msgid\":\"m2\"}");
        again.awaitReply("m2");

        List<JsonNode> runs = auditor.awaitJson(2, push -> push.has("ran"));
        assertThat(runs).extracting(push -> push.get("ran").asText()).containsExactly("m1", "m2");
        assertThat(again.receivedJson(Json.reply("probe", "once"))).as("m1 is acknowledged, not run again")
                .extracting(reply -> reply.get("msgid").asText()).containsExactly("m2");
    }
}
