package io.kalisocket.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Membership changes asked on this node for a connection another node holds. That node is the connection's one writer
 * (docs/CLUSTER.md, "Membership writes"): the change goes to it as a request on its channel, it applies the change to
 * its memory, writes it to Redis, and answers on this node's channel; the caller returns then, so its next send sees
 * the change. No answer within the Redis command timeout (the node is gone or stalled) fails the change with
 * {@link ClusterUnavailableException}.
 */
final class OwnerRequests {

    /** What a request's answer says: written. */
    static final long WRITTEN = 1;
    /** What a request's answer says: the node does not hold the connection (closed, or moved on). */
    static final long NOT_HELD = 0;
    /** What a request's answer says: the node holds it but could not write (Redis failed it). */
    static final long FAILED = -1;

    private final RedisLink redis;
    private final NodeChannels channels;
    private final Keys keys;
    private final ConnectionRecords records;
    private final String self;
    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    OwnerRequests(RedisLink redis, NodeChannels channels, Keys keys, ConnectionRecords records) {
        this.redis = redis;
        this.channels = channels;
        this.keys = keys;
        this.records = records;
        this.self = records.self();
    }

    /**
     * Asks the node holding a connection to make a change, and waits for its answer.
     *
     * @param operation the gateway call, for errors
     * @param clientId the connection
     * @param request the notice asking for the change, given the request's id
     * @return true when the change was written, false when no node holds the connection
     * @throws ClusterUnavailableException when Redis, or the node holding the connection, does not answer
     */
    boolean ask(String operation, String clientId, Function<String, String> request) {
        List<Object> where = redis.await(operation, records.where(clientId));
        boolean registered = (Long) where.get(0) == 1L;
        String node = String.valueOf(where.get(1));
        if (!registered && redis.await(operation, redis.async().exists(keys.alive(node))) == 0L) {
            return false; // not registered, and its id's node is not alive: nobody holds it
        }
        // Not registered yet but its node is alive: a connection that just opened there, which it applies to.
        String id = self + ":" + next.incrementAndGet();
        CompletableFuture<Long> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            channels.await(operation, List.of(channels.tell(node, request.apply(id))));
            long result = answer(operation, node, answer);
            if (result == FAILED) {
                throw new ClusterUnavailableException(operation + " (asked of node " + node + ")", redis.where(),
                        new IllegalStateException("node " + node + " could not write it to Redis"));
            }
            return result == WRITTEN;
        } finally {
            pending.remove(id);
        }
    }

    /** Waits for the node's answer: its write to Redis and its answer's publish, each within the command timeout. */
    private long answer(String operation, String node, CompletableFuture<Long> answer) {
        Duration waited = redis.timeout().multipliedBy(2).plusMillis(500);
        try {
            return answer.get(waited.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClusterUnavailableException.nodeSilent(operation, node, waited);
        } catch (TimeoutException | ExecutionException e) {
            throw ClusterUnavailableException.nodeSilent(operation, node, waited);
        }
    }

    /** @param requestId a request of this node @param result what the node holding the connection answered */
    void answered(String requestId, long result) {
        CompletableFuture<Long> answer = pending.get(requestId);
        if (answer != null) {
            answer.complete(result);
        }
    }
}
