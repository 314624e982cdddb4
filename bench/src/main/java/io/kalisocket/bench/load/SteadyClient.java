package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One steady connection of the {@code soak} scenario: binds its uid, joins a room (so the churn's says reach it),
 * and calls the echo every few seconds, as a live client does, which also keeps the server's idle timeout away.
 * Runs on the connection's event loop.
 */
public final class SteadyClient implements FrameListener {

    private final String uid;
    private final String room;
    private final ByteBuf echo;
    private final Duration every;
    private final ChurnTally tally;

    /**
     * @param uid   the uid it binds
     * @param room  the group it joins
     * @param echo  the echo request, from {@link Messages#echoRequest(String)} (shared by all)
     * @param every how often it calls the echo
     * @param tally where pushes and error replies are counted
     */
    public SteadyClient(String uid, String room, ByteBuf echo, Duration every, ChurnTally tally) {
        this.uid = uid;
        this.room = room;
        this.echo = echo;
        this.every = every;
        this.tally = tally;
    }

    @Override
    public void onOpen(Channel channel) {
        channel.write(new TextWebSocketFrame("{\"ct\":\"uid\",\"ac\":\"bind\",\"uid\":\"" + uid + "\"}"));
        channel.writeAndFlush(new TextWebSocketFrame("{\"ct\":\"group\",\"ac\":\"join\",\"group\":\"" + room + "\"}"));
        ScheduledFuture<?> calls = channel.eventLoop().scheduleWithFixedDelay(
                () -> channel.writeAndFlush(Messages.frame(echo)), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> calls.cancel(false));
    }

    @Override
    public void onText(Channel channel, ByteBuf text) {
        if (!Messages.isReply(text)) {
            tally.addPush();
        } else if (Messages.isError(text)) {
            tally.addError();
        }
    }
}
