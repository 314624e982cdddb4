package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which loop accepts: with one worker loop, that loop itself (no thread of its own handing it every new connection);
 * with several, a loop of its own.
 */
class EventLoopsTest {

    @Test
    void oneWorkerLoop_acceptsItsConnectionsItself() {
        try (WebSocketListener listener = bind(1)) {
            assertThat(listener.loops.boss()).isSameAs(listener.loops.workers());
            assertThat(listener.loops.workerList()).hasSize(1);
        }
    }

    @Test
    void severalWorkerLoops_haveOneLoopOfTheirOwnThatAccepts() {
        try (WebSocketListener listener = bind(2)) {
            assertThat(listener.loops.boss()).isNotSameAs(listener.loops.workers());
            assertThat(listener.loops.boss()).hasSize(1);
            assertThat(listener.loops.workerList()).hasSize(2);
        }
    }

    @Test
    void closingAListenerWhoseLoopAccepts_stopsThatLoop() {
        WebSocketListener listener = bind(1);
        listener.close();
        assertThat(listener.loops.workers().isTerminated()).isTrue();
    }

    private static WebSocketListener bind(int workerThreads) {
        return WebSocketListener.bind(ConfigLoader.of(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "server.worker-threads", Integer.toString(workerThreads))));
    }
}
