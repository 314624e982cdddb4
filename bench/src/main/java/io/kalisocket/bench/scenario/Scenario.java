package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;

/** One benchmark: measures a server and returns named figures. */
public interface Scenario {

    /**
     * The command-line name.
     *
     * @return e.g. {@code echo}
     */
    String name();

    /**
     * Whether the {@code @Inline} echo action is measured as a server of its own.
     *
     * @return true for echo-type scenarios
     */
    default boolean measuresInline() {
        return false;
    }

    /**
     * The file-descriptor limit the server process must be started with, if any.
     *
     * @param options the run's options
     * @return a limit, or empty for the machine's own
     */
    default OptionalInt serverFdLimit(BenchOptions options) {
        return OptionalInt.empty();
    }

    /**
     * JVM options the scenario's servers need, before any {@code --jvm-arg}: {@code soak} runs them with Netty's
     * leak detector at its paranoid level.
     *
     * @return the options, none by default
     */
    default List<String> serverJvmArgs() {
        return List.of();
    }

    /**
     * The columns of a scenario that chooses its own servers: KaliSocket nodes, one or two, on the local
     * or the Redis gateway. Empty (the default) for the scenarios that compare the baseline, the
     * KaliSocket app and {@code --target}.
     *
     * @param options the run's options
     * @return the setups, the first being the reference of the ratios
     */
    default List<Setup> setups(BenchOptions options) {
        return List.of();
    }

    /**
     * Runs the scenario against one server: warm-up, then the measured phase.
     *
     * <p>Figures keep their order; the first is the headline. A name ending in {@code ?} is a
     * yes/no (1 or 0); a name containing {@code "(lower is better)"} is read that way.
     *
     * @param subject the server
     * @param options the run's options
     * @return figures by name
     * @throws Exception if the run fails; the runner reports it and goes on
     */
    LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception;
}
