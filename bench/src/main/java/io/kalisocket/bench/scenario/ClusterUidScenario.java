package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.FrameListener;
import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.load.Messages;
import io.kalisocket.bench.load.RateDriver;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code cluster-uid}: {@code sendToUid} latency at fixed rates. N receivers on the last node bind to uids
 * {@code u0..u(N-1)}; {@value #SENDERS} sender connections on the first node call {@code uid/send} round-robin
 * over the uids, each push carrying its intended send time, so latency (sender's call to receiver's push,
 * through Redis when the nodes differ) is corrected for coordinated omission as in {@code latency}.
 */
public final class ClusterUidScenario implements Scenario {

    /** Default number of receivers (one uid each). */
    public static final int CONNECTIONS = 100;

    /** Sender connections: actions run in order per connection, so one alone would queue behind Redis. */
    static final int SENDERS = 10;

    @Override
    public String name() {
        return "cluster-uid";
    }

    @Override
    public List<Setup> setups(BenchOptions options) {
        return Setup.CLUSTER;
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        return RateFigures.eachRate(options, (rate, figures) -> measureRate(subject, options, rate, figures));
    }

    private void measureRate(Subject subject, BenchOptions options, int rate, LinkedHashMap<String, Double> figures)
            throws Exception {
        int n = options.connectionsOr(CONNECTIONS);
        RateDriver driver = new RateDriver(
                (alloc, k, intended, sent) -> Messages.uidSend(alloc, "u" + (k % n), intended), rate);
        LongAdder bound = new LongAdder();
        FrameListener receiver = new FrameListener() {
            @Override
            public void onText(Channel channel, ByteBuf text) {
                if (Messages.isReply(text)) {
                    if (Messages.isOk(text)) {
                        bound.increment(); // the answer to uid/bind
                    }
                } else {
                    driver.onText(channel, text);
                }
            }
        };
        Subject.Node to = subject.nodes().get(subject.nodes().size() - 1);
        try (LoadClient receiving = new LoadClient(to.uri(), 1, Duration.ofSeconds(10));
             LoadClient sending = new LoadClient(subject.uri(), 1, Duration.ofSeconds(10))) {
            List<Channel> receivers = receiving.openAll(n, i -> receiver, Duration.ofSeconds(60));
            Connections.requireAll(receivers, n);
            for (int i = 0; i < n; i++) {
                receivers.get(i).writeAndFlush(new TextWebSocketFrame("{\"ct\":\"uid\",\"ac\":\"bind\",\"uid\":\"u" + i + "\"}"));
            }
            long bindEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (bound.sum() < n && System.nanoTime() < bindEnd) {
                Thread.sleep(10);
            }
            if (bound.sum() < n) {
                LoadClient.closeAll(receivers, Duration.ofSeconds(5));
                throw new IllegalStateException("only " + bound.sum() + " of " + n + " receivers bound a uid");
            }
            List<Channel> senders = sending.openAll(SENDERS, i -> driver, Duration.ofSeconds(30));
            Connections.requireAll(senders, SENDERS);
            driver.start(senders);
            double warmedUp = WarmUp.run(subject, options);
            CpuWindow cpu = new CpuWindow(subject);
            driver.measure(System.nanoTime() + options.duration().toNanos());
            Thread.sleep(options.duration().toMillis());
            RateFigures.drainAndPut(driver, rate, figures);
            figures.put("warm-up s @" + rate + "/s", warmedUp);
            LinkedHashMap<String, Double> load = new LinkedHashMap<>();
            cpu.end(load, driver.received(), "pushes");
            load.forEach((k, v) -> figures.put(k + " @" + rate + "/s", v));
            LoadClient.closeAll(senders, Duration.ofSeconds(5));
            LoadClient.closeAll(receivers, Duration.ofSeconds(5));
        }
    }
}
