package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.internal.lifecycle.ChannelTracker;
import io.kalisocket.internal.logging.ConnectionLog;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.kalisocket.internal.stats.ServerStats;
import java.util.function.Consumer;

/**
 * What every connection's lifecycle stage ({@link ConnectionLifecycleHandler}) uses, made once per server: the stage
 * holds this one reference instead of a field for each part (40 bytes of every idle connection).
 *
 * @param factory makes the connection of an accepted socket
 * @param connections where an upgraded connection is registered
 * @param finisher ends a connection for good and runs callbacks on its queue
 * @param recovery parks and resumes recoverable connections ({@link RecoveryHook#off()} without recovery)
 * @param callbacks the application's {@code onConnect}
 * @param connectActions runs the online action, or null
 * @param stats counts connections and idle closes
 * @param authenticated binds the uid of a registered connection's principal and starts its expiry, or null when
 *     the server does not authenticate
 * @param handshakeTime from the accepted TCP connection to the upgrade ({@code limits.handshake-timeout}); the
 *     socket is closed when it passes
 * @param idleTime from the upgrade and from each read burst ({@code limits.idle-timeout}); closed with 1001 then
 * @param connectionLog the connection log ({@code logging.connections}), or null when off
 * @param tracker knows every channel until it is finished (told here, first thing and last)
 * @param maxMessageBytes {@code limits.max-message-bytes}: the most a fragmented message may add up to
 * @param limiter counts connections in total and per IP; a socket's slot, taken at its upgrade request, is given
 *     back when the socket closes
 * @param errors whatever failed in a connection's pipeline: the lifecycle stage, the last, hands it on
 */
record LifecycleParts(ConnectionFactory factory, ConnectionRegistry connections, ConnectionFinisher finisher,
        RecoveryHook recovery, LifecycleCallbacks callbacks, ConnectActionRunner connectActions, ServerStats stats,
        Consumer<ChannelConnection> authenticated, LoopTimeouts handshakeTime, LoopTimeouts idleTime,
        ConnectionLog connectionLog, ChannelTracker tracker, int maxMessageBytes, ConnectionLimiter limiter,
        ConnectionErrors errors) {
}
