package io.kalisocket.internal.connection;

import io.kalisocket.auth.Principal;
import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Session;
import io.kalisocket.internal.exec.SerialQueue;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Connection} on a Netty channel: the application's view (id, IP, uid, groups, session) and what the
 * framework keeps per connection: the action queue, and its {@link ConnectionSocket}, through which everything
 * sent to the client goes. The groups' set and the session are created only when first used, so an idle
 * connection stays small. Public methods beyond {@link Connection}'s are for the framework's own parts.
 */
public final class ChannelConnection implements Connection {

    private final String id;

    private volatile String ip;
    private volatile ConnectionSocket socket;
    /** Made when first needed: many connections never run an action (their heartbeats are answered on the loop). */
    private volatile SerialQueue queue;
    private final QueueMaker queueMaker;
    private final long openedAtMillis;
    private volatile Session session;
    private volatile String uid;
    private volatile Principal principal;
    private volatile Set<String> groups;

    /**
     * @param id the client id
     * @param ip the real IP
     * @param socket the socket side: the accepted channel and what writes to it
     * @param queue where this connection's actions run, in order
     * @param openedAtMillis when the connection was accepted
     */
    public ChannelConnection(String id, String ip, ConnectionSocket socket, SerialQueue queue, long openedAtMillis) {
        this(id, ip, socket, queue, null, openedAtMillis);
    }

    /**
     * @param id the client id
     * @param ip the real IP
     * @param socket the socket side: the accepted channel and what writes to it
     * @param queueMaker makes the queue where this connection's actions run, in order, when it first needs one
     * @param openedAtMillis when the connection was accepted
     */
    public ChannelConnection(String id, String ip, ConnectionSocket socket, QueueMaker queueMaker,
            long openedAtMillis) {
        this(id, ip, socket, null, queueMaker, openedAtMillis);
    }

    private ChannelConnection(String id, String ip, ConnectionSocket socket, SerialQueue queue, QueueMaker queueMaker,
            long openedAtMillis) {
        this.id = id;
        this.ip = ip;
        this.socket = socket;
        this.queue = queue;
        this.queueMaker = queueMaker;
        this.openedAtMillis = openedAtMillis;
    }

    /** Makes a connection's action queue; one for every connection of a server. */
    @FunctionalInterface
    public interface QueueMaker {
        /** @param reads pauses the connection's reading while its queue is full @return a new queue */
        SerialQueue newQueue(SerialQueue.Backpressure reads);
    }

    /**
     * @param channel a channel of this server
     * @return the connection it carries (its last stage's, {@link ConnectionCarrier}), or null before it has one
     *     and once the channel is closed and its stages gone
     */
    public static ChannelConnection of(Channel channel) {
        return channel.pipeline().last() instanceof ConnectionCarrier carrier ? carrier.carried() : null;
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
        return (InetSocketAddress) socket.channel().remoteAddress();
    }

    @Override
    public Optional<String> uid() {
        return Optional.ofNullable(uid);
    }

    @Override
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /** @param authenticated who the connection authenticated as (at its handshake, or by a refresh) */
    public void principal(Principal authenticated) {
        this.principal = authenticated;
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
        return socket.isOpen();
    }

    @Override
    public boolean send(Object message) {
        return socket.send(message);
    }

    @Override
    public void close(int code, String reason) {
        socket.close(code, reason);
    }

    /** @return the socket side: the channel, what is written to it, the closing handshake, the counters */
    public ConnectionSocket socket() {
        return socket;
    }

    /**
     * Makes this connection recoverable, before it is registered or sent anything: its pushes go to the outbox.
     *
     * @param outbox its push stream
     * @return its new socket side
     */
    public RecoverableSocket recoverable(PushOutbox outbox) {
        RecoverableSocket recoverable = new RecoverableSocket(socket, outbox);
        socket = recoverable;
        return recoverable;
    }

    /**
     * @return true when no task was ever queued for this connection ({@link SerialQueue#neverUsed}); asking makes no
     *     queue, so a connection whose calls all run on the event loop never has one
     */
    public boolean neverQueued() {
        SerialQueue q = queue;
        return q == null || q.neverUsed();
    }

    /** @return the queue this connection's actions run on */
    public SerialQueue queue() {
        SerialQueue q = queue;
        if (q == null) {
            synchronized (this) {
                q = queue;
                if (q == null) {
                    q = queueMaker.newQueue(new QueueBackpressure());
                    queue = q;
                }
            }
        }
        return q;
    }

    /** Reading from the connection's socket (whichever it is on now) pauses while its queue is full. */
    private final class QueueBackpressure implements SerialQueue.Backpressure {
        @Override
        public void full() {
            socket.pauseReading(ReadThrottle.Reason.ACTIONS);
        }

        @Override
        public void drained() {
            socket.resumeReading(ReadThrottle.Reason.ACTIONS);
        }
    }

    /** @return the queue if one was ever needed, without making one */
    public Optional<SerialQueue> existingQueue() {
        return Optional.ofNullable(queue);
    }

    /** @return when the connection was accepted, in epoch millis */
    public long openedAtMillis() {
        return openedAtMillis;
    }

    /** @param realIp the client's real IP, known once the upgrade request was read */
    public void ip(String realIp) {
        this.ip = realIp;
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
