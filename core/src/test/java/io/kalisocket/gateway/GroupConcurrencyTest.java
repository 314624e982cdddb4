package io.kalisocket.gateway;

import static io.kalisocket.gateway.GatewayTests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many clients, spread over several event loops and action threads, joining and leaving one group at
 * once (themselves and each other), some closing meanwhile: the counts and lists stay consistent and no
 * closed connection is left behind in a group.
 */
class GroupConcurrencyTest {

    static final int CLIENTS = 40;
    static final int ROUNDS = 20;

    TestServer server;
    Gateway gw;
    List<TestClient> clients;
    List<String> ids;

    @BeforeEach
    void start() {
        server = GatewayTests.start("server.worker-threads", "4");
        gw = server.gateway();
        clients = server.connect(CLIENTS);
        ids = clients.stream().map(GatewayTests::id).toList();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void joinsAndLeavesAtOnce_leaveExactlyTheLastJoiners() throws Exception {
        concurrently(i -> {
            TestClient c = clients.get(i);
            for (int r = 0; r < ROUNDS; r++) {
                c.call("gw", "join", "group", "hot");
                c.call("gw", "leave", "group", "hot");
            }
            if (i % 2 == 0) {
                c.call("gw", "join", "group", "hot");
            }
        });
        List<String> even = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i += 2) {
            even.add(ids.get(i));
        }
        assertThat(gw.getClientIdListByGroup("hot")).containsExactlyInAnyOrderElementsOf(even);
        assertThat(gw.getClientIdCountByGroup("hot")).isEqualTo(CLIENTS / 2);
        assertThat(gw.getAllGroupClientIdCount()).containsEntry("hot", CLIENTS / 2);
    }

    @Test
    void crossJoinsLeavesAndCloses_leaveNoDeadMember() throws Exception {
        concurrently(i -> {
            TestClient c = clients.get(i);
            String neighbour = ids.get((i + 1) % CLIENTS);
            c.call("gw", "bind", "uid", "u" + (i % 5));
            for (int r = 0; r < ROUNDS; r++) {
                c.call("gw", "join", "target", neighbour, "group", "hot");
                c.call("gw", "leave", "group", "hot");
                c.call("gw", "join", "group", "hot");
                if (i % 4 == 0 && r == ROUNDS / 2) {
                    c.abort(); // gone mid-race, while others still pull it into the group
                    return;
                }
            }
        });
        await().until(() -> gw.getAllClientIdCount() == CLIENTS - CLIENTS / 4);
        await().untilAsserted(() -> {
            List<String> members = gw.getClientIdListByGroup("hot");
            assertThat(members).hasSize(gw.getClientIdCountByGroup("hot"));
            assertThat(members).allMatch(gw::isOnline, "online");
        });
        for (int i = 1; i < CLIENTS; i += 4) {
            assertThat(gw.getClientIdListByGroup("hot")).contains(ids.get(i)); // joined last, nobody leaves others
        }
        clients.forEach(TestClient::abort);
        await().until(() -> gw.getAllClientIdCount() == 0);
        await().until(() -> gw.getAllGroupIdList().isEmpty() && gw.getAllUidCount() == 0);
    }

    /** Runs {@code body(i)} for every client, each on its own thread, all released together. */
    private static void concurrently(IntConsumer body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                done.add(pool.submit(() -> {
                    go.await();
                    body.accept(client);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
