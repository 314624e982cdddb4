package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * One churn connection of the {@code soak} scenario, from connect to close: binds a uid of its own, joins a room,
 * says something to the room, and goes, either with a close frame or, for a share of them, by dropping the TCP
 * connection as a lost network would. Each step waits for the reply to the one before. Runs on the connection's
 * event loop.
 */
public final class ChurnClient implements FrameListener {

    private final String uid;
    private final String room;
    private final boolean drop;
    private final ChurnTally tally;
    private boolean open;
    private int replies; // the event loop's only

    /**
     * @param uid   the uid it binds (one no other client has)
     * @param room  the group it joins and speaks to
     * @param drop  true: it ends by dropping the TCP connection, without a close frame
     * @param tally where it counts what happened
     */
    public ChurnClient(String uid, String room, boolean drop, ChurnTally tally) {
        this.uid = uid;
        this.room = room;
        this.drop = drop;
        this.tally = tally;
    }

    @Override
    public void onOpen(Channel channel) {
        open = true;
        send(channel, "{\"ct\":\"uid\",\"ac\":\"bind\",\"uid\":\"" + uid + "\"}");
    }

    @Override
    public void onText(Channel channel, ByteBuf text) {
        if (!Messages.isReply(text)) {
            tally.addPush();
            return;
        }
        if (Messages.isError(text)) {
            tally.addError();
            channel.close();
            return;
        }
        switch (++replies) {
            case 1 -> send(channel, "{\"ct\":\"group\",\"ac\":\"join\",\"group\":\"" + room + "\"}");
            case 2 -> send(channel, "{\"ct\":\"group\",\"ac\":\"send\",\"group\":\"" + room + "\",\"data\":7}");
            default -> {
                tally.addCompleted();
                if (drop) {
                    channel.pipeline().firstContext().close(); // below the WebSocket handler: no close frame
                } else {
                    channel.close(); // the WebSocket handler sends a close frame first
                }
            }
        }
    }

    @Override
    public void onClose(Channel channel) {
        if (open) { // one that never opened is counted by whoever opened it
            if (replies < 3) {
                tally.addFailed();
            }
            tally.ended();
        }
    }

    private static void send(Channel channel, String json) {
        channel.writeAndFlush(new TextWebSocketFrame(json));
    }
}
