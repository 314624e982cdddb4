package io.kalisocket.bench.scenario;

import java.util.List;

/** The registry of scenarios, in the order {@code --help} lists them. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(new EchoScenario(), new FloodScenario(), new LatencyScenario(), new IdleScenario(),
            new BroadcastScenario(), new HandshakeScenario(), new OverloadScenario(), new ClusterUidScenario(),
            new ClusterFanoutScenario(), new ReconnectScenario(), new SoakScenario());

    private Scenarios() {
    }

    /**
     * Looks a scenario up.
     *
     * @param name its command-line name
     * @return the scenario
     * @throws IllegalArgumentException for an unknown name
     */
    public static Scenario of(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "' (see --help)"));
    }
}
