package io.kalisocket.internal.connection;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The open connections of this node, by client id, and the one way to send a message to many of them:
 * encoded and framed once, one shared buffer, one task and one flush task per event loop. Tells its listener when a
 * connection enters and leaves the list (the SPI's open/close hook).
 */
public final class ConnectionRegistry {

    private final Map<String, ChannelConnection> byId = new ConcurrentHashMap<>();
    private final MessageEncoder encoder;
    private final Map<EventLoop, BatchedFlusher> flushers = new ConcurrentHashMap<>();
    private volatile Consumer<ChannelConnection> onAdded = c -> { };
    private volatile Consumer<ChannelConnection> onRemoved = c -> { };

    /** @param encoder encodes broadcast messages, once each */
    public ConnectionRegistry(MessageEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Set once while the server starts, before it listens.
     *
     * @param added told each connection that enters the list, after it entered, on the thread that added it
     * @param removed told each connection that leaves the list, after it left, on the thread that removed it
     */
    public void listen(Consumer<ChannelConnection> added, Consumer<ChannelConnection> removed) {
        this.onAdded = added;
        this.onRemoved = removed;
    }

    /** @param connection a connection whose handshake completed, or one handed over to this node */
    public void add(ChannelConnection connection) {
        if (byId.put(connection.id(), connection) != connection) {
            onAdded.accept(connection);
        }
    }

    /** @param connection a connection that ended for good, or one handed over to another node */
    public void remove(ChannelConnection connection) {
        if (byId.remove(connection.id(), connection)) {
            onRemoved.accept(connection);
        }
    }

    /** @param clientId a client id @return the open connection, if on this node */
    public Optional<ChannelConnection> find(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }

    /** @return every open connection of this node */
    public Collection<ChannelConnection> all() {
        return byId.values();
    }

    /** @return the number of open connections of this node */
    public int count() {
        return byId.size();
    }

    /**
     * Sends one message to many connections: encodes it once and shares the buffer; groups the recipients
     * by event loop so each loop runs one task that writes to all of its recipients and flushes them once.
     *
     * @param targets the recipients (closed ones are skipped)
     * @param message text, or an object to encode as JSON
     * @return the number of connections the message was handed to
     */
    public int broadcast(Collection<ChannelConnection> targets, Object message) {
        if (targets.isEmpty()) {
            return 0;
        }
        Map<EventLoop, List<ChannelConnection>> byLoop = new IdentityHashMap<>();
        int handed = 0;
        for (ChannelConnection c : targets) {
            if (c.isOpen()) {
                byLoop.computeIfAbsent(c.socket().channel().eventLoop(), l -> new ArrayList<>()).add(c);
                handed++;
            }
        }
        if (handed == 0) {
            return 0;
        }
        WireFrame shared = encoder.encodeFrame(message);
        try {
            byLoop.forEach((loop, recipients) -> {
                WireFrame forLoop = shared.retainedDuplicate();
                if (loop.inEventLoop()) {
                    writeAll(forLoop, recipients, loop); // an inline action: keep its sends in the order it made them
                } else {
                    try {
                        loop.execute(() -> writeAll(forLoop, recipients, loop));
                    } catch (RejectedExecutionException stopping) {
                        forLoop.release(); // the loop is shutting down: its sockets are closing, nothing to write
                    }
                }
            });
        } finally {
            shared.release();
        }
        return handed;
    }

    private void writeAll(WireFrame frame, List<ChannelConnection> recipients, EventLoop loop) {
        try {
            BatchedFlusher flusher = flushers.computeIfAbsent(loop, BatchedFlusher::new);
            for (ChannelConnection c : recipients) {
                c.socket().writeShared(frame);
                flusher.add(c);
            }
        } finally {
            frame.release();
        }
    }
}
