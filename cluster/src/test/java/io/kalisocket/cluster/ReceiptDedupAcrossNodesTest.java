package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receipts' dedup window lives in Redis when clustered: a logged-in client that reconnects to another
 * node and resends a msgid is acknowledged again but the action does not run twice.
 */
class ReceiptDedupAcrossNodesTest {

    private Nodes nodes;

    @BeforeEach
    void start() {
        RedisForTests.require();
        nodes = new Nodes(ClusterConfig.of(RedisForTests.URI).withKeyPrefix(RedisForTests.freshPrefix()));
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
        b.gateway().bindUid(auditor.id(), "audit");

        TestClient first = nodes.connect(a);
        first.send("{\"ct\":\"probe\",\"ac\":\"login\",\"uid\":\"carol\"}");
        first.awaitReply("\"ac\":\"login\"");
        first.send("{\"ct\":\"probe\",\"ac\":\"once\",\"msgid\":\"m1\"}");
        first.awaitReply("\"ac\":\"once\"");
        first.close(); // the receipt was "lost": the client comes back elsewhere and resends

        TestClient again = nodes.connect(b);
        again.send("{\"ct\":\"probe\",\"ac\":\"login\",\"uid\":\"carol\"}");
        again.awaitReply("\"ac\":\"login\"");
        again.send("{\"ct\":\"probe\",\"ac\":\"once\",\"msgid\":\"m1\"}");
        assertThat(again.awaitReply("pongMsg")).contains("\"msgid\":\"m1\"");
        again.send("{\"ct\":\"probe\",\"ac\":\"once\",\"msgid\":\"m2\"}");
        await().until(() -> again.messages("\"ac\":\"once\"").stream().anyMatch(m -> m.contains("m2")));

        await().until(() -> auditor.messages("ran").size() >= 2);
        assertThat(auditor.messages("ran")).containsExactly("{\"ran\":\"m1\"}", "{\"ran\":\"m2\"}");
        assertThat(again.messages("\"ac\":\"once\"")).hasSize(1);
    }
}
