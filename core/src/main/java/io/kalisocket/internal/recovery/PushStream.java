package io.kalisocket.internal.recovery;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionSocket;
import io.kalisocket.internal.connection.PushOutbox;
import io.kalisocket.internal.connection.RecoverableSocket;
import io.kalisocket.spi.RecoveryStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import java.util.function.Consumer;

/**
 * The push stream of one recoverable connection, and its state: live on a socket, parked (no socket, waiting
 * for its client), or finished. Every push is numbered and kept in a {@link PushBuffer}; only this stream
 * writes pushes to the socket, always in number order and on the socket's event loop, so the numbers are
 * the order the client reads them in. A return moves the stream to the new socket and rewinds its write
 * position to what the client says it saw, so each missed push goes out exactly once.
 */
final class PushStream implements PushOutbox {

    private final ChannelConnection connection;
    private final PushBuffer buffer;
    private final ByteBufAllocator alloc;
    private final Consumer<PushStream> finished;
    private final RecoveryStats stats;
    private final RecoveryStore store;
    private StreamState state = StreamState.LIVE;
    private Channel channel;
    /** The highest number written to the current socket. */
    private long written;
    private long parkedAtMillis;
    private boolean finalClose;
    private boolean idleClosing;
    private boolean handedOn; // released to another node: pushes that still come are handed on by the store

    /**
     * @param connection the connection, on its first socket
     * @param buffer where its pushes are kept
     * @param alloc where frame prefixes come from
     * @param finished told, outside any lock, when a parked stream was finished by itself: it had to drop a push
     *     never written (it cannot be recovered any more), or the server closed the connection
     * @param stats the counters
     * @param store told every push, in number order (a shared store keeps the stream for other nodes)
     * @param position the highest number the client already has: 0 for a new connection; for one claimed from
     *     another node, the client's position (the buffer then holds what follows)
     */
    PushStream(ChannelConnection connection, PushBuffer buffer, ByteBufAllocator alloc,
            Consumer<PushStream> finished, RecoveryStats stats, RecoveryStore store, long position) {
        this.connection = connection;
        this.buffer = buffer;
        this.alloc = alloc;
        this.finished = finished;
        this.stats = stats;
        this.store = store;
        this.channel = connection.socket().channel();
        this.written = position;
        stats.streamOpened();
    }

    @Override
    public boolean push(ByteBuf content, boolean flush) {
        Channel target = null;
        boolean overflowed = false;
        synchronized (this) {
            if (state == StreamState.CLOSED) {
                if (handedOn) {
                    store.appended(connection.id(), -1, content); // the new node numbers it
                }
                content.release();
                return handedOn;
            }
            store.appended(connection.id(), buffer.append(content), content);
            if (state == StreamState.LIVE) {
                buffer.trim(written); // unwritten pushes stay, as Netty's pending writes would
                target = channel;
            } else {
                buffer.trim(Long.MAX_VALUE);
                if (buffer.first() > written + 1) {
                    overflowed = true;
                    stats.overflowed();
                    finish();
                    // Another node may have claimed it already (its release not here yet): what still comes goes
                    // to the store, which hands it on to that node, or drops it when the stream is this node's.
                    handedOn = store.shared();
                }
            }
        }
        if (overflowed) {
            finished.accept(this);
        } else if (target == null) {
            return true; // parked: kept until the client returns
        } else if (target.eventLoop().inEventLoop()) {
            drain(target, flush);
        } else {
            Channel ch = target;
            ch.eventLoop().execute(() -> drain(ch, true));
        }
        return true;
    }

    /**
     * Writes every kept push the socket has not had yet, in order. Call on the channel's event loop.
     *
     * @param ch the socket it is meant for (nothing is written when the stream has moved on)
     * @param flush flush after writing
     */
    void drain(Channel ch, boolean flush) {
        List<ByteBuf> pending;
        long seq;
        synchronized (this) {
            if (state != StreamState.LIVE || channel != ch) {
                return;
            }
            seq = Math.max(written, buffer.first() - 1);
            pending = buffer.after(seq);
            written = buffer.last();
            buffer.trim(written);
        }
        for (ByteBuf push : pending) {
            ch.write(new TextWebSocketFrame(SeqFrames.number(alloc, ++seq, push)), ch.voidPromise());
        }
        if (flush && !pending.isEmpty()) {
            ch.flush();
        }
    }

    @Override
    public synchronized boolean isParked() {
        return state == StreamState.PARKED || handedOn;
    }

    @Override
    public void end() {
        synchronized (this) {
            if (state != StreamState.PARKED) {
                finalClose = !idleClosing; // an idle close is the server noticing a silent drop: that parks
                return;
            }
            finish();
        }
        finished.accept(this);
    }

    /**
     * The socket {@code ch} ended.
     *
     * @param ch the socket
     * @param nowMillis the clock's time
     * @return what becomes of the connection
     */
    synchronized RecoveryHook.Disposition socketClosed(Channel ch, long nowMillis) {
        if (state != StreamState.LIVE || channel != ch) {
            return RecoveryHook.Disposition.SUPERSEDED;
        }
        if (finalClose) {
            finish();
            return RecoveryHook.Disposition.FINISH;
        }
        state = StreamState.PARKED;
        channel = null;
        parkedAtMillis = nowMillis;
        return RecoveryHook.Disposition.PARKED;
    }

    /** @param ch a socket of this stream that closed for good (a final close frame) */
    synchronized void finalClose(Channel ch) {
        if (channel == ch && !idleClosing) {
            finalClose = true;
        }
    }

    /** The server is about to close the socket for being idle: a silent drop, which parks. */
    synchronized void idleClosing() {
        idleClosing = true;
    }

    /**
     * The client returned on a new socket.
     *
     * @param returned the socket side made for the new, upgraded socket
     * @param last the highest number the client saw
     * @return the outcome; on {@link ResumeOutcome#RESUMED} the connection is on the new socket (an old socket
     *     still open is closed, without any close action)
     */
    ResumeOutcome resume(ConnectionSocket returned, long last) {
        Channel old;
        synchronized (this) {
            ResumeOutcome refused = state == StreamState.CLOSED ? ResumeOutcome.CLOSED
                    : last < 0 || last > buffer.last() ? ResumeOutcome.INVALID
                    : last + 1 < buffer.first() ? ResumeOutcome.OVERFLOW
                    : null;
            if (refused != null) {
                return refused;
            }
            old = state == StreamState.LIVE ? channel : null;
            state = StreamState.LIVE;
            channel = returned.channel();
            written = last;
            finalClose = false;
            idleClosing = false;
            ((RecoverableSocket) connection.socket()).moveTo(returned);
        }
        if (old != null) {
            old.close();
        }
        return ResumeOutcome.RESUMED;
    }

    /**
     * The client gave up on this connection (it started a new one): a parked stream is finished at once; a live
     * one is closed for good.
     *
     * @return true when the stream was parked and is now finished (the caller runs the close actions)
     */
    boolean abandon() {
        Channel live;
        synchronized (this) {
            if (state == StreamState.PARKED) {
                finish();
                return true;
            }
            if (state == StreamState.CLOSED) {
                return false;
            }
            finalClose = true;
            live = channel;
        }
        live.close();
        return false;
    }

    /**
     * @param released true: another node took the connection over; the stream ends (no close action), and pushes
     *     still reaching it go to the store, which hands them on. False: its client is back on another node while
     *     the socket here still looks alive; the socket is closed, which parks the stream, to be claimed
     */
    void leaveSocket(boolean released) {
        Channel live;
        synchronized (this) {
            live = state == StreamState.LIVE ? channel : null;
            if (!released) {
                idleClosing = true; // as for an idle timeout: the close frame Netty sends must not make it final
            } else if (state != StreamState.CLOSED) {
                finish();
                handedOn = true;
            }
        }
        if (live != null) {
            live.close();
        }
    }

    /**
     * @param nowMillis the clock's time
     * @param windowMillis how long a stream may stay parked
     * @return true when the stream was parked for the window and is now finished
     */
    synchronized boolean expireIfDue(long nowMillis, long windowMillis) {
        if (state == StreamState.PARKED && nowMillis - parkedAtMillis >= windowMillis) {
            finish();
            return true;
        }
        return false;
    }

    /** @return true when the stream was parked and is now finished (the server stops) */
    synchronized boolean finishIfParked() {
        boolean parked = state == StreamState.PARKED;
        if (parked) {
            finish();
        }
        return parked;
    }

    private void finish() {
        state = StreamState.CLOSED;
        buffer.clear();
        stats.streamClosed();
    }

    /** @return the connection */
    ChannelConnection connection() {
        return connection;
    }

    /** @return the number of the newest push */
    synchronized long last() {
        return buffer.last();
    }

    /** @return the bytes kept */
    synchronized long bytes() {
        return buffer.bytes();
    }
}
