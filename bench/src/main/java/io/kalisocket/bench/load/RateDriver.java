package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load at a fixed total rate, with latencies corrected for coordinated omission.
 *
 * <p>Message {@code k} has the intended send time {@code start + k / rate}, written into the
 * request's {@code data} and echoed back (or pushed to another connection, which listens with the
 * same driver). A ticker on the event loop sends every message whose
 * intended time has come, round-robin over the connections, and latency is counted from the
 * intended time, not from the moment it left: if the server (or the generator) stalls, the
 * messages that should have been sent meanwhile are charged the stall, as a real client at
 * that rate would see it. Only messages intended after the measurement start are recorded.
 */
public final class RateDriver implements FrameListener {

    private static final long TICK_NANOS = 100_000;
    /** The width of the time windows whose worst latency is kept (to tell one long stall from a spread tail). */
    public static final long WINDOW_NANOS = 100_000_000;

    private final Request request;
    private final double nanosPerMessage;
    private final Recorder recorder = new Recorder(3);
    /** How late the generator itself sent each measured message: its own share of every latency. */
    private final Recorder sendLag = new Recorder(3);
    private final LongAdder received = new LongAdder();
    /** Every code:0 reply, whenever its message was intended: what the server's CPU over a window is divided by. */
    private final LongAdder answered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile AtomicLongArray worstPerWindow = new AtomicLongArray(0);
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;
    private long start;
    private long sent;
    private int next;
    private volatile long sentMeasured;
    private ScheduledFuture<?> ticker;

    /** Makes the frame of message {@code k}, whose {@code data} must be the intended send time. */
    @FunctionalInterface
    public interface Request {
        /**
         * @param alloc    the connection's allocator
         * @param k        the message's number, from 0
         * @param intended its intended send time ({@link System#nanoTime()})
         * @param sent     when it is being sent ({@link System#nanoTime()}), for a server that measures its arrival
         * @return the frame to send
         */
        TextWebSocketFrame frame(ByteBufAllocator alloc, long k, long intended, long sent);
    }

    /**
     * A driver of an echo action at a fixed total rate. Each request also carries its send time, {@code "sent"},
     * which the bench's servers use to time its arrival (see {@code ArrivalProbe}) and any other server ignores.
     *
     * @param action echo action
     * @param rate   messages per second, all connections together
     */
    public RateDriver(String action, int rate) {
        this((alloc, k, intended, sent) -> Messages.echoTimed(alloc, action, intended, sent), rate);
    }

    /**
     * A driver of any request at a fixed total rate.
     *
     * @param request makes each message; what comes back (a reply or a push) carries {@code "data":INTENDED}
     * @param rate    messages per second, all connections together
     */
    public RateDriver(Request request, int rate) {
        this.request = request;
        this.nanosPerMessage = 1e9 / rate;
    }

    /**
     * Starts sending on the connections, which must all share one event loop.
     *
     * @param channels open connections; what comes back must reach this driver as a listener
     */
    public void start(List<Channel> channels) {
        Channel first = channels.get(0);
        first.eventLoop().execute(() -> {
            start = System.nanoTime();
            ticker = first.eventLoop().scheduleWithFixedDelay(() -> tick(channels), 0, TICK_NANOS, TimeUnit.NANOSECONDS);
        });
    }

    private void tick(List<Channel> channels) {
        long now = System.nanoTime();
        long intended = start + (long) (sent * nanosPerMessage);
        while (intended <= now && intended < measureUntil) {
            Channel ch = channels.get(next);
            next = next + 1 == channels.size() ? 0 : next + 1;
            if (ch.isActive()) {
                ch.writeAndFlush(request.frame(ch.alloc(), sent, intended, now));
            }
            if (intended >= measureFrom) {
                sentMeasured++;
                sendLag.recordValue(Math.max(0, now - intended));
            }
            sent++;
            intended = start + (long) (sent * nanosPerMessage);
        }
    }

    @Override
    public void onText(Channel channel, ByteBuf text) {
        long now = System.nanoTime();
        long intended = Messages.dataNumber(text);
        if (intended < 0 || Messages.isError(text)) { // a reply with code != 0, or no number
            errors.increment();
            return;
        }
        answered.increment();
        if (intended >= measureFrom && intended < measureUntil) {
            received.increment();
            long latency = Math.max(0, now - intended);
            recorder.recordValue(latency);
            AtomicLongArray worst = worstPerWindow;
            int window = (int) ((intended - measureFrom) / WINDOW_NANOS);
            if (window < worst.length()) {
                worst.accumulateAndGet(window, latency, Math::max);
            }
        }
    }

    /**
     * Opens the measurement window: messages intended from now until {@code until} are recorded.
     *
     * @param until {@link System#nanoTime()} after which nothing more is sent
     */
    public void measure(long until) {
        long from = System.nanoTime();
        // Written before measureFrom, whose volatile write publishes it to the thread that reads replies.
        worstPerWindow = new AtomicLongArray((int) Math.max(1, (until - from + WINDOW_NANOS - 1) / WINDOW_NANOS));
        measureFrom = from;
        measureUntil = until;
        recorder.reset();
        sendLag.reset();
    }

    /** Stops the ticker (sending stops by itself at the end of the window anyway). */
    public void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    /**
     * Messages intended inside the window.
     *
     * @return count
     */
    public long sentMeasured() {
        return sentMeasured;
    }

    /**
     * Replies received for messages intended inside the window.
     *
     * @return count
     */
    public long received() {
        return received.sum();
    }

    /**
     * Successful ({@code code:0}) replies since the start, measured or not: a server's CPU over a window divided by
     * the replies of that window is its cost per message, even when a stall moved messages across the window's edge.
     *
     * @return count
     */
    public long answered() {
        return answered.sum();
    }

    /**
     * Error or unreadable replies.
     *
     * @return count
     */
    public long errors() {
        return errors.sum();
    }

    /**
     * How many {@link #WINDOW_NANOS}-wide slices of the measurement had a reply later than {@code nanos}: a few
     * means the tail came from a few stalls, many means it is spread.
     *
     * @param nanos the latency that counts as late
     * @return slices with at least one late reply
     */
    public int windowsOver(long nanos) {
        AtomicLongArray worst = worstPerWindow;
        int n = 0;
        for (int i = 0; i < worst.length(); i++) {
            n += worst.get(i) > nanos ? 1 : 0;
        }
        return n;
    }

    /**
     * The number of {@link #WINDOW_NANOS}-wide slices in the measurement.
     *
     * @return count
     */
    public int windows() {
        return worstPerWindow.length();
    }

    /**
     * How late the generator sent the window's messages (from their intended time to the tick that wrote
     * them), in nanoseconds: the part of each latency that is the generator's, not the server's.
     *
     * @return a copy
     */
    public Histogram sendLag() {
        return sendLag.getIntervalHistogram();
    }

    /**
     * The latency histogram of the window, in nanoseconds.
     *
     * @return a copy
     */
    public Histogram histogram() {
        return recorder.getIntervalHistogram();
    }
}
