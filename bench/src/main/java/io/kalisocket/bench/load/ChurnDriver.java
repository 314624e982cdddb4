package io.kalisocket.bench.load;

import io.netty.channel.ChannelFuture;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link ChurnClient}s at a fixed rate until closed: connection {@code k} binds uid {@code churn-k}, joins
 * room {@code room-(k mod rooms)}, and every fifth one drops its TCP connection instead of closing. When too many
 * are still in flight (the server fell behind) a start is skipped and counted, so the load stays bounded.
 */
public final class ChurnDriver implements AutoCloseable {

    private static final int DROP_EVERY = 5;

    private final LoadClient client;
    private final int rooms;
    private final int maxInFlight;
    private final ChurnTally tally;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "soak-churn");
        t.setDaemon(true);
        return t;
    });
    private long next; // the timer thread's only

    /**
     * Starts the churn.
     *
     * @param client      opens the connections
     * @param perSecond   connections started per second
     * @param rooms       how many rooms the connections spread over
     * @param maxInFlight most connections opening or open at once
     * @param tally       where the connections count what happened
     */
    public ChurnDriver(LoadClient client, int perSecond, int rooms, int maxInFlight, ChurnTally tally) {
        this.client = client;
        this.rooms = rooms;
        this.maxInFlight = maxInFlight;
        this.tally = tally;
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        timer.scheduleAtFixedRate(this::startOne, 0, Math.max(1, period), TimeUnit.NANOSECONDS);
    }

    private void startOne() {
        if (tally.inFlight() >= maxInFlight) {
            tally.addSkipped();
            return;
        }
        long k = next++;
        tally.starting();
        ChurnClient churn = new ChurnClient("churn-" + k, "room-" + (k % rooms), k % DROP_EVERY == DROP_EVERY - 1,
                tally);
        client.open(churn).addListener((ChannelFuture opened) -> {
            if (!opened.isSuccess()) {
                tally.addFailed();
                tally.ended();
            }
        });
    }

    /**
     * Stops starting connections and waits (bounded) for those in flight to end.
     *
     * @param deadline the most to wait for them
     * @return true when none is left in flight
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean stop(Duration deadline) throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        long end = System.nanoTime() + deadline.toNanos();
        while (tally.inFlight() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return tally.inFlight() == 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
