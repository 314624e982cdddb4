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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code idle}: N idle connections; the server's live heap (after full GC) and RSS per
 * connection, as the difference between before and after opening them. Each connection sends
 * a heartbeat every 20 s (as an idle client does) and one more at the end, whose answers are
 * counted, so the heartbeat path is checked too.
 */
public final class IdleScenario implements Scenario {

    /** Default number of connections. */
    public static final int CONNECTIONS = 10_000;

    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(20);

    @Override
    public String name() {
        return "idle";
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        ServerProcess server = subject.process()
                .orElseThrow(() -> new IllegalStateException("idle needs a server the runner started (heap, RSS)"));
        int n = options.connectionsOr(CONNECTIONS);
        LongAdder heartbeats = new LongAdder();
        ByteBuf heartbeat = Messages.text(Messages.HEARTBEAT);
        FrameListener listener = new FrameListener() {
            @Override
            public void onOpen(Channel channel) {
                // as a real idle client: a heartbeat every 20 s keeps the server's idle timeout away
                channel.eventLoop().scheduleWithFixedDelay(() -> channel.writeAndFlush(Messages.frame(heartbeat)),
                        HEARTBEAT_EVERY.toSeconds(), HEARTBEAT_EVERY.toSeconds(), TimeUnit.SECONDS);
            }

            @Override
            public void onText(Channel channel, ByteBuf text) {
                heartbeats.increment();
            }
        };
        long heap0 = server.heapAfterGc();
        long rss0 = server.rssBytes();
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(20))) {
            long t0 = System.nanoTime();
            List<Channel> open = client.openAll(n, i -> listener, Duration.ofSeconds(120));
            double openSecs = (System.nanoTime() - t0) / 1e9;
            Connections.requireAll(open, n);
            long answered = heartbeats.sum();
            open.forEach(ch -> ch.writeAndFlush(Messages.frame(heartbeat)));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (heartbeats.sum() < answered + n && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            long heap1 = server.heapAfterGc();
            long rss1 = server.rssBytes();
            long stillOpen = open.stream().filter(Channel::isActive).count();
            LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
            figures.put("live heap KiB/conn (lower is better)", (heap1 - heap0) / 1024.0 / n);
            figures.put("RSS KiB/conn (lower is better)", (rss1 - rss0) / 1024.0 / n);
            figures.put("connections open at the end", (double) stillOpen);
            figures.put("heartbeats answered (of one per connection)", (double) Math.min(n, heartbeats.sum() - answered));
            figures.put("open time s (lower is better)", openSecs);
            LoadClient.closeAll(open, Duration.ofSeconds(20));
            return figures;
        }
    }
}
