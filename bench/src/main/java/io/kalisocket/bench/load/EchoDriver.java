package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop echo load: each connection keeps {@code window} requests in flight and sends one
 * more for every reply, until {@link #stop()}.
 */
public final class EchoDriver implements FrameListener {

    private final ByteBuf request;
    private final int window;
    private final LongAdder ok = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile boolean running = true;

    /**
     * A driver for one echo action.
     *
     * @param action {@code say} or {@code fast}
     * @param window requests in flight per connection
     */
    public EchoDriver(String action, int window) {
        this.request = Messages.echoRequest(action);
        this.window = window;
    }

    @Override
    public void onOpen(Channel channel) {
        for (int i = 0; i < window; i++) {
            channel.write(Messages.frame(request));
        }
        channel.flush();
    }

    @Override
    public void onText(Channel channel, ByteBuf text) {
        if (Messages.isOk(text)) {
            ok.increment();
        } else {
            errors.increment();
        }
        if (running) {
            channel.write(Messages.frame(request)); // flushed once per read batch
        }
    }

    /**
     * Successful replies so far.
     *
     * @return count
     */
    public long ok() {
        return ok.sum();
    }

    /**
     * Error replies so far (code != 0).
     *
     * @return count
     */
    public long errors() {
        return errors.sum();
    }

    /** Sends no more requests; replies still in flight are counted. */
    public void stop() {
        running = false;
    }
}
