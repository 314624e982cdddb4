package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code cluster-fanout}: group fan-out as in {@code broadcast}, with the N members spread evenly over two
 * cluster nodes and the sender on the first; the reference is the same on one node with the local
 * gateway, and one node on the Redis gateway shows what Redis alone costs.
 */
public final class ClusterFanoutScenario implements Scenario {

    /** Default number of members, all nodes together (both nodes and the load stay under 20,000 fds). */
    public static final int CONNECTIONS = 10_000;

    @Override
    public String name() {
        return "cluster-fanout";
    }

    @Override
    public List<Setup> setups(BenchOptions options) {
        return Setup.CLUSTER;
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        return FanOut.measure(subject, options, options.connectionsOr(CONNECTIONS),
                options.messagesOr(BroadcastScenario.MESSAGES));
    }
}
