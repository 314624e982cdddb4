package io.kalisocket.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stop asked for while a server starts is kept and done once it is open; one asked for later is done at once. */
class PendingStopTest {

    /** A server that counts its stops. */
    static final class Server implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private final PendingStop<Server> stop = new PendingStop<>();

    @Test
    void aStopAskedForWhileStarting_isDoneOnceTheServerIsOpen() {
        Server server = new Server();

        Server opened = stop.open(() -> {
            stop.request(); // a signal while the ports open
            assertThat(server.closes).hasValue(0);
            return server;
        });

        assertThat(opened).isSameAs(server);
        assertThat(server.closes).hasValue(1);
    }

    @Test
    void withoutAStop_theServerStaysOpen_untilOneIsAskedFor() {
        Server server = stop.open(Server::new);
        assertThat(server.closes).hasValue(0);

        stop.request();

        assertThat(server.closes).hasValue(1);
    }

    @Test
    void aStartThatFails_failsAsItIs() {
        assertThatThrownBy(() -> stop.open(() -> {
            throw new IllegalStateException("port in use");
        })).hasMessage("port in use");

        stop.request(); // nothing to stop: no failure either
    }
}
