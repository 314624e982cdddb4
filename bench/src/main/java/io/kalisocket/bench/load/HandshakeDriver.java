package io.kalisocket.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connect + upgrade + close cycles: each of {@code concurrency} loops opens a connection,
 * waits for the upgrade, sends a close frame and closes, then starts again, until {@link #stop()}.
 */
public final class HandshakeDriver {

    private static final FrameListener NONE = new FrameListener() {
    };

    private final LoadClient client;
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running = true;

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

    private void cycle() {
        if (!running) {
            return;
        }
        client.open(NONE).addListener((ChannelFuture f) -> {
            Channel ch = f.channel();
            if (f.isSuccess()) {
                ok.increment();
                ch.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
            } else {
                failed.increment();
                ch.close();
            }
            ch.closeFuture().addListener(c -> cycle());
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

    /** Starts no new cycle. */
    public void stop() {
        running = false;
    }
}
