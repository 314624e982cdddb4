package io.kalisocket.spi;

import io.kalisocket.config.RecoveryConfig;
import io.kalisocket.connection.Connection;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Where recoverable connections are known beyond this node's memory: the cluster module keeps their push streams
 * in Redis so that a client may return to any node (see {@code docs/RECOVERY.md} §7). The node that holds a
 * connection stays the one writer of its stream; a return to another node <em>claims</em> it from there.
 * A server without such a store keeps recovery in its own memory: nothing leaves the node.
 *
 * <p>Every method but {@link #epoch()} and {@link #start} is called on event loops or action threads and must
 * not block: writes go out asynchronously, in call order.
 */
public interface RecoveryStore {

    /**
     * What a claim gives: a refusal, or the connection's state and the pushes its client missed.
     *
     * @param refusal why the connection cannot be had ({@code expired}, {@code epoch}, {@code overflow},
     *     {@code invalid}, {@code unavailable}), or null when claimed
     * @param last the number of the newest push of the stream
     * @param missed the pushes numbered after the client's position, in order
     * @param uid the bound uid, if any
     * @param groups the groups
     * @param session the session
     */
    record Claim(String refusal, long last, List<String> missed, Optional<String> uid, Set<String> groups,
            Map<String, Object> session) {

        /** @param reason why not @return a refusal */
        public static Claim refused(String reason) {
            return new Claim(reason, 0, List.of(), Optional.empty(), Set.of(), Map.of());
        }
    }

    /** What the store may ask of this node's recovery. */
    interface Control {
        /**
         * Another node took the connection over: forget it here without any close action (pushes already on
         * their way to it still reach its stream, which hands them on).
         *
         * @param clientId the connection
         * @return the released connection, when it was here
         */
        Optional<Connection> release(String clientId);

        /**
         * Another node's client wants this connection back while its socket here still looks alive: close
         * that socket now (the connection parks, and can then be claimed).
         *
         * @param clientId the connection
         */
        void yield(String clientId);
    }

    /** @return true when connections may be claimed from other nodes */
    boolean shared();

    /** @return the epoch tokens are issued in: shared by every node of the store */
    String epoch();

    /** @param config the caps and window @param control what the store may ask of recovery */
    void start(RecoveryConfig config, Control control);

    /** @param clientId a new recoverable connection of this node */
    void opened(String clientId);

    /**
     * @param clientId the connection
     * @param seq the push's number; -1 for a push reaching a connection released to another node (hand it on)
     * @param push its bytes (not retained: read them now)
     */
    void appended(String clientId, long seq, ByteBuf push);

    /** @param connection a connection of this node whose socket dropped */
    void parked(Connection connection);

    /** @param clientId a connection of this node that its client returned to */
    void resumed(String clientId);

    /**
     * Forgets the stored stream of a parked connection this node finished (its window passed, it went over its
     * caps, or the server closed it), unless another node claimed the connection first.
     *
     * @param clientId the connection
     * @return later, true when this node runs its close actions (false: another node claimed it meanwhile)
     */
    CompletionStage<Boolean> forgetUnlessClaimed(String clientId);

    /** @param clientId a connection of this node finished for good */
    void finished(String clientId);

    /**
     * Takes a connection over from the node that holds it.
     *
     * @param clientId the connection
     * @param last the client's position
     * @return later, the claim; a refusal when it cannot be had
     */
    CompletionStage<Claim> claim(String clientId, long last);

    /**
     * The claimed connection is registered on this node and its missed pushes written: restore its memberships
     * here and let pushes addressed to it flow.
     *
     * @param connection the connection, on this node now
     * @param claim what the claim gave
     */
    void adopted(Connection connection, Claim claim);

    /** @param clientId the connection whose claim ended without it being adopted (refused, or failed) */
    void abandoned(String clientId);
}
