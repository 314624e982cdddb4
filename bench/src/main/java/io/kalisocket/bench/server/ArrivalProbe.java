package io.kalisocket.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * When the requests of the {@code latency} scenario reach the server's echo handler, measured in the server.
 *
 * <p>Such a request carries {@code "data":INTENDED} and {@code "sent":SENT}, both {@link System#nanoTime()} of the
 * load generator: when it should have left and when the generator wrote it. On Linux both JVMs read the same
 * monotonic clock, so the handler can tell, per request, how late it saw it: from the intended time (the
 * generator's lag included) and from the send (the kernel's loopback and the server's own wake-up and read path
 * only). Set beside the client's figure, this splits a latency tail into the generator's share, the way in, and
 * the way back. Requests without both numbers (every other scenario) are not recorded.
 */
public final class ArrivalProbe {

    private static final int DIGITS = 3;

    private final Recorder fromIntended = new Recorder(DIGITS);
    private final Recorder fromSent = new Recorder(DIGITS);

    /**
     * Records one request's arrival at the handler, now; thread-safe (actions may run on several threads).
     *
     * @param intended the request's {@code data}
     * @param sent     the request's {@code sent}, or null
     */
    public void arrived(JsonNode intended, JsonNode sent) {
        if (intended == null || sent == null || !intended.isIntegralNumber() || !sent.isIntegralNumber()) {
            return;
        }
        long now = System.nanoTime();
        fromIntended.recordValue(Math.max(0, now - intended.longValue()));
        fromSent.recordValue(Math.max(0, now - sent.longValue()));
    }

    /**
     * The arrivals since the previous call (the first call: since the start), and starts a new interval.
     *
     * @return both histograms, encoded by {@link #encode}
     */
    String takeInterval() {
        return encode(fromIntended.getIntervalHistogram()) + " " + encode(fromSent.getIntervalHistogram());
    }

    /**
     * One histogram as one word of text: HdrHistogram's compressed form in Base64.
     *
     * @param histogram any histogram
     * @return its encoding, read back by {@link #decode}
     */
    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /**
     * Reads back a histogram written by {@link #encode}.
     *
     * @param word the encoding
     * @return the histogram
     * @throws IllegalArgumentException if it is not such an encoding
     */
    public static Histogram decode(String word) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(word)), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an encoded histogram", e);
        }
    }
}
