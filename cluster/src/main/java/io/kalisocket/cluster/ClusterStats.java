package io.kalisocket.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's cluster counters: notices received on its channels by op, local deliveries they caused,
 * notices dropped, dead nodes cleaned, re-announcements. Safe from any thread.
 */
public final class ClusterStats {

    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder purgedNodes = new LongAdder();
    private final LongAdder announcements = new LongAdder();

    void received(String op) {
        received.computeIfAbsent(op, k -> new LongAdder()).increment();
    }

    void delivered(int connections) {
        delivered.add(connections);
    }

    void dropped() {
        failed.increment();
    }

    void purgedNode() {
        purgedNodes.increment();
    }

    void announced() {
        announcements.increment();
    }

    /** @return notices received on this node's channels, by op ({@code c u g a close bind ...}) */
    public Map<String, Long> received() {
        Map<String, Long> copy = new TreeMap<>();
        received.forEach((op, n) -> copy.put(op, n.sum()));
        return copy;
    }

    /** @return notices received on this node's channels, all ops */
    public long receivedTotal() {
        return received.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** @return local connections handed a message because of a notice */
    public long delivered() {
        return delivered.sum();
    }

    /** @return notices that could not be applied (logged) */
    public long droppedNotices() {
        return failed.sum();
    }

    /** @return dead nodes whose entries this node removed */
    public long purgedNodes() {
        return purgedNodes.sum();
    }

    /** @return times this node wrote its whole local state to Redis (start, and after Redis lost it) */
    public long announcements() {
        return announcements.sum();
    }
}
