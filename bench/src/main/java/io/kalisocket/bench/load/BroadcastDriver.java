package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group fan-out load: members join one group and count what is pushed to them; one sender
 * asks the server to push to the group, keeping at most {@code window} broadcasts not yet
 * delivered to every member, and at most {@code limit} in total.
 */
public final class BroadcastDriver implements FrameListener {

    /** The group's name. */
    public static final String GROUP = "bench";

    private final ByteBuf join = Messages.text("{\"ct\":\"group\",\"ac\":\"join\",\"group\":\"" + GROUP + "\"}");
    private final ByteBuf send = Messages.text("{\"ct\":\"group\",\"ac\":\"send\",\"group\":\"" + GROUP
            + "\",\"data\":{\"b\":1,\"text\":\"hello, group\"}}");
    private final LongAdder joined = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder senderReplies = new LongAdder();
    private final int window;
    private final long limit;
    private volatile int members = 1;
    private volatile boolean running = true;
    private long sent;
    private ScheduledFuture<?> ticker;

    /**
     * A driver for one group.
     *
     * @param window broadcasts in flight at most
     * @param limit  broadcasts in total at most
     */
    public BroadcastDriver(int window, long limit) {
        this.window = window;
        this.limit = limit;
    }

    /**
     * Asks a member connection to join the group.
     *
     * @param member an open connection using this driver as its listener
     */
    public void join(Channel member) {
        member.writeAndFlush(Messages.frame(join));
    }

    @Override
    public void onText(Channel channel, ByteBuf text) {
        if (!Messages.isReply(text)) {
            deliveries.increment();
        } else if (Messages.isOk(text)) {
            joined.increment();
        }
    }

    /**
     * Starts the sender: a ticker on its event loop that sends while the window allows.
     *
     * @param sender       an open connection that is not a member
     * @param memberCount  members that joined
     */
    public void start(Channel sender, int memberCount) {
        members = memberCount;
        sender.eventLoop().execute(() ->
                ticker = sender.eventLoop().scheduleWithFixedDelay(() -> tick(sender), 0, 200, TimeUnit.MICROSECONDS));
    }

    private void tick(Channel sender) {
        long done = deliveries.sum() / members;
        boolean wrote = false;
        while (running && sent < limit && sent - done < window && sender.isActive()) {
            sender.write(Messages.frame(send));
            sent++;
            wrote = true;
        }
        if (wrote) {
            sender.flush();
        }
    }

    /**
     * Listener for the sender's connection: counts its replies.
     *
     * @return a listener
     */
    public FrameListener senderListener() {
        return new FrameListener() {
            @Override
            public void onText(Channel channel, ByteBuf text) {
                senderReplies.increment();
            }
        };
    }

    /**
     * Members whose join was acknowledged (plus sender replies are not counted here).
     *
     * @return count
     */
    public long joined() {
        return joined.sum();
    }

    /**
     * Pushes received by all members together.
     *
     * @return count
     */
    public long deliveries() {
        return deliveries.sum();
    }

    /**
     * Whether every allowed broadcast has been delivered to every member.
     *
     * @return true when finished
     */
    public boolean finished() {
        return deliveries.sum() >= limit * members;
    }

    /** Sends no more. */
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.cancel(false);
        }
    }
}
