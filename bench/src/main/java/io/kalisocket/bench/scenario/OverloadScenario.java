package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.FrameListener;
import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.load.Messages;
import io.kalisocket.bench.run.ServerProcess;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code overload}: the server runs with a small fd limit; the load opens more connections than
 * it can hold, then checks that the server refused the rest without dying, still answers the
 * connections it has, and accepts again once they are closed.
 */
public final class OverloadScenario implements Scenario {

    /** Default number of connections tried beyond the server's fd limit. */
    public static final int CONNECTIONS = 256;

    private static final int SAMPLE = 50;
    private static final Duration HANDSHAKE = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "overload";
    }

    @Override
    public OptionalInt serverFdLimit(BenchOptions options) {
        return OptionalInt.of(options.fdLimit());
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        ServerProcess server = subject.process()
                .orElseThrow(() -> new IllegalStateException("overload needs a server the runner started (fd limit)"));
        int tries = options.fdLimit() + options.connectionsOr(CONNECTIONS);
        LongAdder replies = new LongAdder();
        FrameListener listener = new FrameListener() {
            @Override
            public void onText(Channel channel, ByteBuf text) {
                if (Messages.isOk(text)) {
                    replies.increment();
                }
            }
        };
        LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
        try (LoadClient client = new LoadClient(subject.uri(), 1, HANDSHAKE)) {
            long t0 = System.nanoTime();
            List<Channel> open = client.openAll(tries, i -> listener, Duration.ofSeconds(60));
            figures.put("tried", (double) tries);
            figures.put("accepted", (double) open.size());
            figures.put("refused or timed out", (double) (tries - open.size()));
            figures.put("refuse phase s (lower is better)", (System.nanoTime() - t0) / 1e9);
            figures.put("alive after refusing?", server.alive() ? 1.0 : 0.0);

            List<Channel> sample = open.subList(0, Math.min(SAMPLE, open.size()));
            ByteBuf echo = Messages.echoRequest(subject.action());
            sample.forEach(ch -> ch.writeAndFlush(Messages.frame(echo)));
            long served = waitFor(replies, sample.size(), Duration.ofSeconds(10));
            figures.put("kept serving?", !sample.isEmpty() && served >= sample.size() ? 1.0 : 0.0);

            LoadClient.closeAll(open, Duration.ofSeconds(20));
            long t1 = System.nanoTime();
            boolean recovered = false;
            long end = t1 + Duration.ofSeconds(30).toNanos();
            while (!recovered && System.nanoTime() < end) {
                List<Channel> again = client.openAll(SAMPLE, i -> listener, HANDSHAKE.multipliedBy(2));
                recovered = again.size() == SAMPLE;
                LoadClient.closeAll(again, Duration.ofSeconds(5));
            }
            figures.put("recovered?", recovered ? 1.0 : 0.0);
            figures.put("recovery ms (lower is better)", recovered ? (System.nanoTime() - t1) / 1e6 : Double.NaN);
            figures.put("alive at the end?", server.alive() ? 1.0 : 0.0);
            return figures;
        }
    }

    private static long waitFor(LongAdder counter, long target, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (counter.sum() < target && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return counter.sum();
    }
}
