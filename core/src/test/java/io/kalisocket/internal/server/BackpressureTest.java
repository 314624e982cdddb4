package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.RunningServer;
import io.kalisocket.internal.server.app.ProbeController;
import io.kalisocket.testing.TestClient;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A flood is slowed down by TCP, not refused: a connection whose queue holds {@code limits.max-queued-per-connection}
 * calls is not read from until half have run, and every call it sent is answered in the end.
 */
class BackpressureTest {

    private static final String BLOCK = "{\"ct\":\"probe\",\"ac\":\"block\"}";
    private static final String[] NO_RATE_LIMIT = {"limits.messages-per-second", "1000000",
            "limits.message-burst", "1000000"};

    @AfterEach
    void openTheGate() {
        ProbeController.gate.countDown();
    }

    @Test
    void aFloodOfCallsToABlockedAction_pausesReading_andEveryCallIsAnsweredWithoutA503() throws Exception {
        ProbeController.gate = new CountDownLatch(1);
        int calls = 5_000; // five times the default limits.max-queued-per-connection
        try (RunningServer server = TestServers.probe(NO_RATE_LIMIT);
                TestClient client = TestClient.connect(server.port())) {
            floodUntilReadingPauses(server, client, calls);
        }
    }

    /**
     * Reading pauses at the frame that filled the queue, even in the middle of a read: a queue of 10 never reaches
     * its hard limit (4x), although one read of this flood holds hundreds of calls.
     */
    @Test
    void aQueueOfTen_stopsTheReadUnderWayAtItsBound_soNoCallIsRefused() throws Exception {
        ProbeController.gate = new CountDownLatch(1);
        int calls = 2_000;
        String[] settings = {"limits.messages-per-second", "1000000", "limits.message-burst", "1000000",
                "limits.max-queued-per-connection", "10"};
        try (RunningServer server = TestServers.probe(settings);
                TestClient client = TestClient.connect(server.port())) {
            floodUntilReadingPauses(server, client, calls);
        }
    }

    /** Sends the calls from a thread of their own, opens the gate once reading paused, expects every call answered. */
    private static void floodUntilReadingPauses(RunningServer server, TestClient client, int calls)
            throws InterruptedException {
        Thread sender = new Thread(() -> { // its sends block while the server does not read
            for (int i = 0; i < calls; i++) {
                client.send(BLOCK);
            }
        }, "backpressure-test-sender");
        sender.start();
        await().until(() -> server.counters().totals().get("reads_paused") > 0);
        ProbeController.gate.countDown();
        List<JsonNode> replies = client.awaitJson(calls);
        sender.join();
        assertThat(replies).extracting(reply -> reply.get("code").asInt()).containsOnly(0);
        assertThat(server.counters().totals().get("queue_full")).isZero();
    }

    /** The node's bound is the one 503 left: many connections may each be within their limit and still too many. */
    @Test
    void theNodesBacklog_pastExecutionMaxQueuedTotal_isAnswered503() {
        ProbeController.gate = new CountDownLatch(1);
        try (RunningServer server = TestServers.probe("execution.max-queued-total", "5");
                TestClient client = TestClient.connect(server.port())) {
            for (int i = 0; i < 8; i++) {
                client.send(BLOCK);
            }
            List<JsonNode> refused = client.awaitJson(3);
            assertThat(refused).allSatisfy(reply -> {
                assertThat(reply.get("code").asInt()).isEqualTo(503);
                assertThat(reply.get("msg").asText()).isEqualTo("server busy");
            });
            ProbeController.gate.countDown();
            assertThat(client.awaitJson(8)).extracting(reply -> reply.get("code").asInt())
                    .containsOnly(0, 503).filteredOn(code -> code == 0).hasSize(5);
        }
    }
}
