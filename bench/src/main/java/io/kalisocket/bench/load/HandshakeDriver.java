package io.kalisocket.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connect + upgrade + close cycles, until {@link #stop()}: either {@code concurrency} closed loops, each opening a
 * connection, waiting for the upgrade, sending a close frame and closing once the server answered it, then starting
 * again ({@link #start}); or cycles started at a fixed rate on a clock, at most {@code maxInFlight} at once
 * ({@link #startAtRate}), so that every server gets the same load whatever its speed and the load generator's.
 */
public final class HandshakeDriver {

    private static final FrameListener NONE = new FrameListener() {
    };

    private final LoadClient client;
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running = true;
    private ScheduledExecutorService pacer;

    /**
     * A driver on a client.
     *
     * @param client the client that opens the connections
     */
    public HandshakeDriver(LoadClient client) {
        this.client = client;
    }

    /**
     * Starts the loops.
     *
     * @param concurrency how many loops run at once
     */
    public void start(int concurrency) {
        for (int i = 0; i < concurrency; i++) {
            cycle();
        }
    }

    /**
     * Starts a cycle every {@code 1/rate} s on a clock (checked every millisecond, catching up after a late tick),
     * each ending with its close; a start due while {@code maxInFlight} cycles are under way is skipped (counted).
     *
     * @param rate        cycles started per second
     * @param maxInFlight the most cycles under way at once
     */
    public void startAtRate(int rate, int maxInFlight) {
        pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "handshake-pacer");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        long[] started = {0};
        pacer.scheduleAtFixedRate(() -> {
            long due = (System.nanoTime() - t0) * rate / 1_000_000_000L;
            for (; started[0] < due && running; started[0]++) {
                if (inFlight.incrementAndGet() > maxInFlight) {
                    inFlight.decrementAndGet();
                    skipped.increment();
                } else {
                    once();
                }
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
    }

    private void cycle() {
        if (running) {
            open(this::cycle);
        }
    }

    private void once() {
        open(inFlight::decrementAndGet);
    }

    /** @param closed run once the connection upgraded and closed, or failed */
    private void open(Runnable closed) {
        client.open(NONE).addListener((ChannelFuture f) -> {
            Channel ch = f.channel();
            if (f.isSuccess()) {
                ok.increment();
                // As browsers do (RFC 6455 7.1.1): the client waits for the server's close frame, on which Netty's
                // client stage closes its end (or for its forced close, 10 s on), never resetting the server's socket.
                ch.writeAndFlush(new CloseWebSocketFrame());
            } else {
                failed.increment();
                ch.close();
            }
            ch.closeFuture().addListener(c -> closed.run());
        });
    }

    /**
     * Completed handshakes so far.
     *
     * @return count
     */
    public long ok() {
        return ok.sum();
    }

    /**
     * Failed attempts so far.
     *
     * @return count
     */
    public long failed() {
        return failed.sum();
    }

    /**
     * Starts due at a fixed rate that were skipped, all {@code maxInFlight} cycles being under way.
     *
     * @return count
     */
    public long skipped() {
        return skipped.sum();
    }

    /** Starts no new cycle. */
    public void stop() {
        running = false;
        if (pacer != null) {
            pacer.shutdownNow();
        }
    }
}
