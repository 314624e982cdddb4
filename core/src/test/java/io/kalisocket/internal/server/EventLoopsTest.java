package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A loop of its own accepts, however many worker loops there are. With one worker loop accepting too, clients that
 * connected while others flooded that loop were accepted a few a second and timed out (the bench's {@code flood},
 * which opens its connections while the first ones already flood, failed with "only 57 of 100 connections opened").
 */
class EventLoopsTest {

    @Test
    void oneWorkerLoop_stillHasALoopOfItsOwnThatAccepts() {
        try (WebSocketListener listener = bind(1)) {
            assertThat(listener.loops.boss()).isNotSameAs(listener.loops.workers());
            assertThat(listener.loops.boss()).hasSize(1);
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
    void closingAListener_stopsItsWorkerLoops_andItsAcceptingLoop() {
        WebSocketListener listener = bind(1);
        listener.close();
        assertThat(listener.loops.workers().isTerminated()).isTrue();
        await().until(() -> listener.loops.boss().isTerminated());
    }

    private static WebSocketListener bind(int workerThreads) {
        return WebSocketListener.bind(ConfigLoader.of(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "server.worker-threads", Integer.toString(workerThreads))));
    }
}
