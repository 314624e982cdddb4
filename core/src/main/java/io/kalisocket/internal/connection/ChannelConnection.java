package io.kalisocket.internal.connection;

import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Session;
import io.kalisocket.internal.exec.SerialQueue;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Connection} on a Netty channel. Beyond the public API it carries what the framework keeps per
 * connection: the action queue, the bound uid and the groups (created only when first used, so an idle
 * connection stays small). A recoverable connection also has an {@link Outbox} that its pushes go through,
 * and may move to a new socket when its client returns ({@link #rebind}).
 */
public final class ChannelConnection implements Connection {

    private final String id;
    /** How long a client has to answer the server's close frame before the TCP connection is dropped. */
    private static final long CLOSE_HANDSHAKE_SECONDS = 3;

    private volatile String ip;
    private volatile boolean closing;
    private long messagesIn;
    private long messagesOut;
    private ChannelHandlerContext writerContext;
    private volatile Channel channel;
    private volatile Outbox outbox;
    private final MessageEncoder encoder;
    private final SerialQueue queue;
    private final long openedAtMillis;
    private volatile Session session;
    private volatile String uid;
    private volatile Set<String> groups;

    /**
     * @param id the client id
     * @param ip the real IP
     * @param channel the upgraded channel
     * @param encoder encodes what {@link #send} is given
     * @param queue where this connection's actions run, in order
     * @param openedAtMillis when the connection was accepted
     */
    public ChannelConnection(String id, String ip, Channel channel, MessageEncoder encoder, SerialQueue queue,
            long openedAtMillis) {
        this.id = id;
        this.ip = ip;
        this.channel = channel;
        this.encoder = encoder;
        this.queue = queue;
        this.openedAtMillis = openedAtMillis;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String ip() {
        return ip;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public Optional<String> uid() {
        return Optional.ofNullable(uid);
    }

    @Override
    public Session session() {
        Session s = session;
        if (s == null) {
            synchronized (this) {
                s = session;
                if (s == null) {
                    s = new Session();
                    session = s;
                }
            }
        }
        return s;
    }

    /** @return the session if one was ever used, without creating one */
    public Optional<Session> existingSession() {
        return Optional.ofNullable(session);
    }

    @Override
    public boolean isOpen() {
        Outbox o = outbox;
        return channel.isActive() || (o != null && o.isParked());
    }

    @Override
    public boolean send(Object message) {
        if (!isOpen()) {
            return false;
        }
        return sendFrame(encoder.encode(message));
    }

    /**
     * Sends an answer to something the client sent (reply, receipt): never dropped by the slow-consumer
     * policy, since reading pauses while the outbound buffer is full.
     *
     * @param answer text, or an object to encode as JSON
     * @return false when the connection is closed
     */
    public boolean reply(Object answer) {
        if (!channel.isActive()) {
            return false;
        }
        channel.writeAndFlush(new ReplyFrame(encoder.encode(answer)), channel.voidPromise());
        return true;
    }

    /**
     * Sends an already encoded message; the buffer's ownership passes to this call.
     *
     * @param content UTF-8 text (released here in every case)
     * @return false when the connection is closed
     */
    public boolean sendFrame(ByteBuf content) {
        Outbox o = outbox;
        if (o != null) {
            return o.push(content, true);
        }
        if (!channel.isActive()) {
            content.release();
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(content), channel.voidPromise());
        return true;
    }

    /**
     * Writes a broadcast's shared frame without flushing; call only on the event loop, then
     * {@link #flushNow}. A recoverable connection numbers the payload in its outbox instead.
     *
     * @param frame the framed message (not released here: each call writes a duplicate)
     */
    public void writeShared(WireFrame frame) {
        Outbox o = outbox;
        if (o != null) {
            o.push(frame.retainedPayload(), false);
            return;
        }
        Channel ch = channel;
        SharedFrameWriter writer = writer(ch);
        if (writer != null) {
            if (writer.writeShared(frame)) {
                messagesOut++;
            }
        } else if (ch.isActive()) {
            // No such stage (a pipeline of one's own): the bytes pass the WebSocket encoder untouched.
            ch.write(frame.content().retainedDuplicate(), ch.voidPromise());
        }
    }

    /**
     * Flushes what was written, at once (see {@link SharedFrameWriter#flushNow}). From another thread Netty
     * hands the flush to the socket's loop.
     */
    void flushNow() {
        Channel ch = channel;
        SharedFrameWriter writer = writer(ch);
        if (writer != null) {
            writer.flushNow();
        } else {
            ch.flush();
        }
    }

    private SharedFrameWriter writer(Channel ch) {
        ChannelHandlerContext stage = writerContext;
        if (stage == null || stage.channel() != ch) {
            // Looked up once per socket, not per write: the stage stays for the socket's life.
            stage = ch.pipeline().context(SharedFrameWriter.class);
            writerContext = stage;
        }
        return stage == null ? null : (SharedFrameWriter) stage.handler();
    }

    @Override
    public void close(int code, String reason) {
        Outbox o = outbox;
        if (o != null) {
            o.end();
        }
        Channel ch = channel;
        if (ch.isActive() && !closing) {
            // From now on what the client sends is ignored (see isClosing). The close frame goes behind the
            // writes already waiting in the event loop's task queue (replies of finished actions), never before.
            closing = true;
            ch.eventLoop().execute(() -> {
                // The closing handshake: the client answers and then the TCP connection ends. Until then the
                // socket is still read, so closing never meets unread data, which would reset the connection
                // and lose what was sent before the close frame.
                ch.writeAndFlush(new CloseWebSocketFrame(code, reason));
                ch.eventLoop().schedule(() -> {
                    ch.close();
                }, CLOSE_HANDSHAKE_SECONDS, TimeUnit.SECONDS);
            });
        }
    }

    /**
     * @return true once the server sent its close frame: what the client sends from then on is not run and
     *     not acknowledged (a client resends it on its next connection)
     */
    public boolean isClosing() {
        return closing;
    }

    /** @return the Netty channel: the latest socket of this connection */
    public Channel channel() {
        return channel;
    }

    /**
     * Moves the connection to the socket its client returned on (connection recovery).
     *
     * @param returned the new, upgraded channel
     */
    public void rebind(Channel returned) {
        this.channel = returned;
    }

    /** @param pushes where this connection's pushes go from now on (connection recovery) */
    public void outbox(Outbox pushes) {
        this.outbox = pushes;
    }

    /** @return the outbox of a recoverable connection, empty for a plain one */
    public Optional<Outbox> outbox() {
        return Optional.ofNullable(outbox);
    }

    /** @return the queue this connection's actions run on */
    public SerialQueue queue() {
        return queue;
    }

    /** @return when the connection was accepted, in epoch millis */
    public long openedAtMillis() {
        return openedAtMillis;
    }

    /** @param realIp the client's real IP, known once the upgrade request was read */
    public void ip(String realIp) {
        this.ip = realIp;
    }

    /** Counts a message received; call on the event loop only. */
    public void countIn() {
        messagesIn++;
    }

    /** Counts a message sent; call on the event loop only. */
    public void countOut() {
        messagesOut++;
    }

    /** @return messages received so far */
    public long messagesIn() {
        return messagesIn;
    }

    /** @return messages sent so far */
    public long messagesOut() {
        return messagesOut;
    }

    /** @param newUid the user bound to the connection, or null to unbind */
    public void uid(String newUid) {
        this.uid = newUid;
    }

    @Override
    public Set<String> groups() {
        return Collections.unmodifiableSet(groupsIfAny());
    }

    /** @param group a group this connection joins (the set is created on first use, not per connection) */
    public void join(String group) {
        joinedGroups().add(group);
    }

    /** @param group a group this connection leaves; nothing happens when it never joined one */
    public void leave(String group) {
        Set<String> g = groups;
        if (g != null) {
            g.remove(group);
        }
    }

    private Set<String> joinedGroups() {
        Set<String> g = groups;
        if (g == null) {
            synchronized (this) {
                g = groups;
                if (g == null) {
                    g = ConcurrentHashMap.newKeySet(4);
                    groups = g;
                }
            }
        }
        return g;
    }

    /** @return the groups if the connection ever joined one, without creating the set */
    public Set<String> groupsIfAny() {
        Set<String> g = groups;
        return g == null ? Set.of() : g;
    }

    @Override
    public String toString() {
        return "Connection[" + id + " " + ip + "]";
    }
}
