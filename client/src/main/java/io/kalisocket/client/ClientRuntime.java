package io.kalisocket.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads and the JSON mapper behind {@link KaliClient}s. One client alone gets its own; many clients
 * (a bench, a test with hundreds of users) should share one, as each holds a selector thread and a timer thread.
 *
 * @param http the JDK HTTP client that opens the WebSockets
 * @param mapper the JSON mapper for frames and typed replies
 * @param scheduler where the timers run (heartbeat, resend, dead connection, call timeout, reconnect), each
 *     scheduled through the client's {@link ClientClock}
 */
public record ClientRuntime(HttpClient http, ObjectMapper mapper, ScheduledExecutorService scheduler)
        implements AutoCloseable {

    /** @return a new runtime with its own HTTP client, a plain {@link ObjectMapper} and one daemon timer thread */
    public static ClientRuntime create() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kalisocket-client-timer");
            t.setDaemon(true);
            return t;
        });
        return new ClientRuntime(HttpClient.newHttpClient(), new ObjectMapper(), scheduler);
    }

    /** Stops the timer thread; clients using this runtime must be closed first. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
