package io.kalisocket.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.connection.Connection;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NodeExtension#connectionOpened} and {@link NodeExtension#connectionClosed}: every installed extension
 * hears every local connection arrive and leave, at once, on the connection's thread; a parked connection has not
 * left.
 */
class ConnectionHookTest {

    private final FakeClock clock = new FakeClock();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Records what it hears, with what the node's gateway said at that moment. */
    private static final class Recorder implements NodeExtension {
        final List<String> opened = new CopyOnWriteArrayList<>();
        final List<String> closed = new CopyOnWriteArrayList<>();
        final List<Boolean> listedWhenOpened = new CopyOnWriteArrayList<>();
        final List<Boolean> listedWhenClosed = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        volatile LocalNode node;

        @Override
        public io.kalisocket.gateway.Gateway gateway(LocalNode local) {
            node = local;
            return local.gateway();
        }

        @Override
        public void connectionOpened(Connection connection) {
            listedWhenOpened.add(node.gateway().getAllClientIdList().contains(connection.id()));
            threads.add(Thread.currentThread().getName());
            opened.add(connection.id());
        }

        @Override
        public void connectionClosed(Connection connection) {
            listedWhenClosed.add(node.gateway().getAllClientIdList().contains(connection.id()));
            closed.add(connection.id());
        }
    }

    private TestServer start(NodeExtension first, NodeExtension second, String... config) {
        server = TestServer.start(c -> KaliServer.create(c).clock(clock).use(first).use(second), config);
        return server;
    }

    @Test
    void connectionOpened_isHeardByEveryExtension_onceTheConnectionIsInTheNodesList() {
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        start(one, two);

        server.connect();

        await().until(() -> one.opened.size() == 1 && two.opened.size() == 1);
        assertThat(one.opened).isEqualTo(two.opened);
        assertThat(server.gateway().getAllClientIdList()).containsExactlyElementsOf(one.opened);
        assertThat(one.listedWhenOpened).containsExactly(true);
        assertThat(one.threads.get(0)).as("the connection's event loop, not an action thread").doesNotContain("action");
        assertThat(one.closed).isEmpty();
    }

    @Test
    void connectionClosed_isHeardOnce_whenTheConnectionHasLeftTheNodesList() {
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        start(one, two);
        TestClient ann = server.connect();
        TestClient bob = server.connect();
        await().until(() -> one.opened.size() == 2);

        ann.close();

        await().until(() -> one.closed.size() == 1 && two.closed.size() == 1);
        assertThat(server.gateway().getAllClientIdList()).hasSize(1).doesNotContainAnyElementsOf(one.closed);
        assertThat(one.listedWhenClosed).containsExactly(false);
        bob.abort();
        await().until(() -> one.closed.size() == 2);
        assertThat(one.closed).containsExactlyInAnyOrderElementsOf(one.opened);
    }

    @Test
    void aParkedConnection_hasNotClosed_untilItsRecoveryWindowPasses() {
        Recorder one = new Recorder();
        start(one, new NodeExtension() { }, "recovery.enabled", "true", "recovery.secret", "hook-test",
                "recovery.window", "30s");
        TestClient ann = server.connect("recover=1");
        JsonNode recovery = ann.awaitJson(1).get(0);
        String annId = recovery.get("client_id").asText();

        ann.abort();
        await().until(() -> server.running().counters().get("connections_open") == 0);
        assertThat(one.closed).as("parked, still this node's").isEmpty();
        assertThat(server.gateway().isOnline(annId)).isTrue();

        clock.advance(Duration.ofSeconds(31));

        await().until(() -> one.closed.equals(List.of(annId)));
    }

    @Test
    void aFailingHook_isLogged_andTheConnectionWorksOn() {
        Recorder one = new Recorder();
        NodeExtension failing = new NodeExtension() {
            @Override
            public void connectionOpened(Connection connection) {
                throw new IllegalStateException("broken extension");
            }

            @Override
            public void connectionClosed(Connection connection) {
                throw new IllegalStateException("broken extension");
            }
        };
        start(failing, one);
        TestClient ann = server.connect();

        ann.send("~H#C~");
        ann.awaitText("~H#S~");
        await().until(() -> one.opened.size() == 1);
        ann.close();
        await().until(() -> one.closed.size() == 1);
    }
}
