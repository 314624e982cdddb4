package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import java.util.LinkedHashMap;

/** {@code broadcast}: N members in one group, one sender pushing; deliveries per second. */
public final class BroadcastScenario implements Scenario {

    /** Default number of members. */
    public static final int CONNECTIONS = 10_000;

    /** Default number of broadcasts the sender pushes at most. */
    public static final int MESSAGES = 2000;

    @Override
    public String name() {
        return "broadcast";
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        return FanOut.measure(subject, options, options.connectionsOr(CONNECTIONS), options.messagesOr(MESSAGES));
    }
}
