package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Open-loop flood without a window, as a client that pipelines blindly: each connection writes requests whenever its
 * socket takes them (every millisecond, as many as are writable, at most {@link #BURST} a tick) and never waits for
 * a reply. What a server does with more than it can answer shows in the replies: {@code code:0}, {@code 503 server
 * busy}, {@code 429}, or fewer requests taken because it stopped reading (TCP backpressure).
 */
public final class FloodDriver implements FrameListener {

    /** Most requests one connection writes per tick: the socket's writability bounds it first. */
    static final int BURST = 256;

    private final ByteBuf request;
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final LongAdder limited = new LongAdder();
    private final LongAdder otherErrors = new LongAdder();
    private volatile boolean running = true;

    /** @param action {@code say} (default dispatch) or {@code fast} ({@code @Inline}) */
    public FloodDriver(String action) {
        this.request = Messages.echoRequest(action);
    }

    @Override
    public void onOpen(Channel channel) {
        channel.eventLoop().scheduleAtFixedRate(() -> {
            int n = 0;
            while (running && channel.isWritable() && n < BURST) {
                channel.write(Messages.frame(request));
                n++;
            }
            if (n > 0) {
                channel.flush();
                sent.add(n);
            }
        }, 1, 1, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onText(Channel channel, ByteBuf text) {
        long code = Messages.code(text);
        if (code == 0) {
            ok.increment();
        } else if (code == 503) {
            busy.increment();
        } else if (code == 429) {
            limited.increment();
        } else if (code > 0) {
            otherErrors.increment();
        }
    }

    /** @return requests written so far */
    public long sent() {
        return sent.sum();
    }

    /** @return {@code code:0} replies so far */
    public long ok() {
        return ok.sum();
    }

    /** @return {@code 503} replies so far */
    public long busy() {
        return busy.sum();
    }

    /** @return {@code 429} replies so far */
    public long limited() {
        return limited.sum();
    }

    /** @return other error replies so far */
    public long otherErrors() {
        return otherErrors.sum();
    }

    /** Writes no more; replies in flight are still counted. */
    public void stop() {
        running = false;
    }
}
