package io.kalisocket.internal.recovery;

import io.kalisocket.connection.Handshake;
import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Where connection recovery meets the server: the lifecycle stage asks it at the upgrade, on idle and when a
 * socket ends. {@link #off()} is the hook of a server without recovery: every connection is plain.
 */
public interface RecoveryHook {

    /** What becomes of a connection whose socket ended. */
    enum Disposition {
        /** Finished for good: the close actions run now. */
        FINISH,
        /** Parked: kept, with its groups and pushes, until its client returns or the window passes. */
        PARKED,
        /** The client already returned on another socket: nothing to do for this one. */
        SUPERSEDED
    }

    /**
     * The outcome of an upgrade.
     *
     * @param connection the connection the socket carries from now on: the fresh one, or the one its client
     *     returned to (already moved to the socket)
     * @param resumed true when the client got its old connection back: no connect action runs
     * @param greet writes the {@code recovery} frame (and, on a return, the missed pushes); run it once the
     *     connection is registered and before the connect action
     * @param later when not null, the upgrade is not decided yet (a return to a connection another node holds):
     *     it completes on the socket's event loop, and the other components are to be ignored until then
     */
    record Upgrade(ChannelConnection connection, boolean resumed, Runnable greet, CompletionStage<Upgrade> later) {

        /** @param connection the connection @param resumed a return @param greet the greeting @see Upgrade */
        public Upgrade(ChannelConnection connection, boolean resumed, Runnable greet) {
            this(connection, resumed, greet, null);
        }

        /**
         * @param socket the connection made for the new socket
         * @param later the upgrade, once decided
         * @return an upgrade decided later
         */
        public static Upgrade later(ChannelConnection socket, CompletionStage<Upgrade> later) {
            return new Upgrade(socket, false, () -> { }, later);
        }
    }

    /**
     * Called on the event loop when a WebSocket upgrade completes.
     *
     * @param fresh the connection made for the new socket
     * @param handshake the upgrade request, or null
     * @return what the socket carries from now on
     */
    Upgrade upgraded(ChannelConnection fresh, Handshake handshake);

    /**
     * Called on the event loop when an upgraded socket ended.
     *
     * @param connection the connection the socket carried
     * @param channel the socket
     * @return what becomes of the connection
     */
    Disposition closed(ChannelConnection connection, Channel channel);

    /** @param connection a connection about to be closed for being idle (that parks it, as a silent drop) */
    void idle(ChannelConnection connection);

    /**
     * Called on the event loop for a close frame that ends the socket for good, so its connection is finished, not
     * parked: the client's with 1000, 1001 or no code, or the server's own (not its echo of the client's). The outbound
     * guard sees every close frame both ways ({@code ClosingHandshake}) and tells it: no stage of its own.
     *
     * @param channel the socket
     */
    void closingForGood(Channel channel);

    /** @return the {@code /status} section */
    Map<String, Object> status();

    /** The server stops: nothing is parked any more, and every parked connection is finished (close actions). */
    void stop();

    /** @return the hook of a server without recovery */
    static RecoveryHook off() {
        return NoRecovery.INSTANCE;
    }
}
