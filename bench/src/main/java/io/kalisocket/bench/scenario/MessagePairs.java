package io.kalisocket.bench.scenario;

import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.load.RateDriver;
import io.netty.channel.Channel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code message-pairs}: two running servers ({@code --a URL --a-pid PID --b URL --b-pid PID}) take turns at the
 * same fixed rate of echo calls over {@code --connections} connections, in windows of {@code --window} ms,
 * {@code --pairs} times ({@link AlternatingWindows}); reports each server's CPU per 1k {@code code:0} replies in every
 * window and the median of B's to A's. {@code --a-action} and {@code --b-action} name the bench's echo action each
 * server is called with ({@code say}: default dispatch, {@code fast}: {@code @Inline}; bare Netty answers either).
 * The load's loop sleeps between sends, so its CPU says whether it kept up. Loopback only; bounded: warm-up, then
 * {@code 2 x pairs x window}, each window opening and closing its connections outside its measurement.
 */
public final class MessagePairs {

    /** Time for a window's connections to send their first calls (and their first replies to return). */
    private static final long RAMP_MS = 300;

    private final PairsOptions options;
    private final int connections;

    private MessagePairs(PairsOptions options) {
        this.options = options;
        this.connections = options.extraInt("--connections", 1, 10_000);
        for (String flag : List.of("--a-action", "--b-action")) {
            String action = options.extra().get(flag);
            if (!action.equals("say") && !action.equals("fast")) {
                throw new IllegalArgumentException("message-pairs " + flag + " is say or fast, got " + action);
            }
        }
    }

    /**
     * Parses {@code --a URL --a-pid PID --b URL --b-pid PID [--a-action say|fast] [--b-action say|fast]
     * [--connections N] [--rate R] [--pairs N] [--window MS] [--warmup S]} (actions {@code say}; 100 connections;
     * 10,000 calls/s, at most 50,000; 20 pairs of 2,000 ms windows; 15 s of warm-up each).
     *
     * @param args the flags after {@code message-pairs}
     * @return the comparison
     */
    public static MessagePairs parse(List<String> args) {
        return new MessagePairs(PairsOptions.parse("message-pairs", args, 10_000, 50_000,
                Map.of("--connections", "100", "--a-action", "say", "--b-action", "say")));
    }

    /**
     * Runs the windows and prints their figures.
     *
     * @param out where the figures go
     * @return the median of B's CPU per message to A's, over the pairs
     * @throws InterruptedException if interrupted
     */
    public double run(PrintStream out) throws InterruptedException {
        out.printf("message-pairs: A calls echo/%s, B echo/%s, over %d connections each%n",
                options.extra().get("--a-action"), options.extra().get("--b-action"), connections);
        return AlternatingWindows.compare(options, "messages", this::window, out);
    }

    private AlternatingWindows.Window window(int server, long ms) throws InterruptedException {
        String action = options.extra().get(server == 0 ? "--a-action" : "--b-action");
        RateDriver driver = new RateDriver(action, options.rate());
        try (LoadClient client = new LoadClient(options.targets().get(server), 1, Duration.ofSeconds(10))) {
            List<Channel> open = Connections.openAll(client, connections, driver);
            driver.start(open);
            TimeUnit.MILLISECONDS.sleep(RAMP_MS);
            long answered = driver.answered();
            long errors = driver.errors();
            AlternatingWindows.Meter meter = new AlternatingWindows.Meter(options.pids().get(server));
            TimeUnit.MILLISECONDS.sleep(ms);
            AlternatingWindows.Window window = meter.end(driver.answered() - answered, driver.errors() - errors);
            driver.stop();
            LoadClient.closeAll(open, Duration.ofSeconds(5));
            return window;
        }
    }
}
