package io.kalisocket.bench.scenario;

import java.util.List;

/**
 * One column of a scenario that chooses its own servers (the cluster and recovery scenarios): that many
 * KaliSocket bench-app nodes, each in its own JVM, on the local gateway or joined in a cluster.
 *
 * @param name     the column name, e.g. {@code 2 nodes redis}
 * @param nodes    how many nodes (1 or 2)
 * @param redis    whether the nodes use the cluster gateway on the run's Redis (a fresh key prefix each time)
 * @param recovery whether connection recovery is on in the nodes ({@code --recovery})
 * @param mode     what the clients do in this column, in the scenario's own words (given to it as
 *                 {@link Subject#action()}), e.g. {@code fresh} or {@code recover}
 */
public record Setup(String name, int nodes, boolean redis, boolean recovery, String mode) {

    /**
     * The columns of the cluster scenarios: one node on the local gateway (the reference), one node on
     * the Redis gateway (what Redis alone costs), two nodes on Redis.
     */
    public static final List<Setup> CLUSTER = List.of(new Setup("1 node local", 1, false, false, ""),
            new Setup("1 node redis", 1, true, false, ""), new Setup("2 nodes redis", 2, true, false, ""));

    /** Checks the values. */
    public Setup {
        if (nodes < 1 || nodes > 2 || (nodes > 1 && !redis)) {
            throw new IllegalArgumentException("1 node, or 2 nodes with Redis: " + name);
        }
    }
}
