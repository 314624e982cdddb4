package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One client of a mass reconnect (docs/RECOVERY.md): connects with {@code ?recover=1} (or plainly, for the
 * fresh reference), joins the room, keeps its token, epoch and position, and after the drop returns with
 * {@code ?resume=TOKEN&epoch=EPOCH&last=POSITION}. It is back once it got {@code recovered:true} and
 * every expected push, each numbered one more than the last; a fresh client is back once it rejoined.
 * Its events run on its connection's event loop; the fields the scenario reads are volatile.
 */
public final class ReconnectClient implements FrameListener {

    /** The room every client joins. */
    public static final String ROOM = "room";

    private static final String JOIN = "{\"ct\":\"group\",\"ac\":\"join\",\"group\":\"" + ROOM + "\"}";
    private static final byte[] RECOVERY = "\"type\":\"recovery\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECOVERED = "\"recovered\":true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOKEN = "\"token\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EPOCH = "\"epoch\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = "\"_seq\":".getBytes(StandardCharsets.US_ASCII);

    private final boolean recover;
    private final int expected;
    private final ReconnectTally tally;
    private volatile Channel channel;
    private volatile String token = "";
    private volatile String epoch = "";
    private volatile long position;
    private volatile boolean returning;
    private int missedSeen;
    private boolean finished;

    /**
     * A client.
     *
     * @param recover  whether it asks for recovery; false for the fresh reference
     * @param expected pushes it must get back after the drop
     * @param tally    the counts shared by every client
     */
    public ReconnectClient(boolean recover, int expected, ReconnectTally tally) {
        this.recover = recover;
        this.expected = expected;
        this.tally = tally;
    }

    /**
     * Where it connects the first time.
     *
     * @param node the node, {@code ws://127.0.0.1:PORT/}
     * @return {@code /?recover=1}, or the node itself for a fresh client
     */
    public URI firstUri(URI node) {
        return recover ? node.resolve("/?recover=1") : node;
    }

    /**
     * Where it connects after the drop.
     *
     * @param node the node it was on
     * @return {@code /?resume=TOKEN&epoch=EPOCH&last=POSITION}, or the node itself for a fresh client
     */
    public URI returnUri(URI node) {
        return recover ? node.resolve("/?resume=" + token + "&epoch=" + epoch + "&last=" + position) : node;
    }

    /**
     * The current connection.
     *
     * @return the channel, null before the first open
     */
    public Channel channel() {
        return channel;
    }

    /** Turns the client into a returning one; call after the drop, before reopening. */
    public void returning() {
        returning = true;
    }

    @Override
    public void onOpen(Channel ch) {
        channel = ch;
        if (!recover || !returning) {
            ch.writeAndFlush(new TextWebSocketFrame(JOIN)); // a fresh client must rejoin its room
        }
    }

    @Override
    public void onText(Channel ch, ByteBuf text) {
        if (Messages.indexOf(text, RECOVERY) >= 0) {
            onRecoveryFrame(text);
        } else if (Messages.isReply(text)) {
            if (Messages.isOk(text)) {
                tally.joined();
                if (returning && !recover) {
                    finish(true);
                }
            }
        } else {
            onPush(Messages.number(text, SEQ));
        }
    }

    private void onRecoveryFrame(ByteBuf text) {
        if (!returning) {
            token = Messages.string(text, TOKEN).orElse("");
            epoch = Messages.string(text, EPOCH).orElse("");
        } else if (Messages.indexOf(text, RECOVERED) < 0) {
            finish(false);
        } else if (expected == 0) {
            finish(true);
        }
    }

    private void onPush(long seq) {
        if (seq < 0 || !recover) {
            return; // not numbered: a fresh client misses what was sent while it was away
        }
        if (seq != position + 1) {
            finish(false);
            return;
        }
        position = seq;
        if (returning && !finished) {
            missedSeen++;
            tally.missedDelivered();
            if (missedSeen == expected) {
                finish(true);
            }
        }
    }

    private void finish(boolean back) {
        if (finished) {
            return;
        }
        finished = true;
        if (back) {
            tally.back(System.nanoTime());
        } else {
            tally.failed();
        }
    }
}
