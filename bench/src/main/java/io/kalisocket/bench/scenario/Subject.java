package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.ServerProcess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One server, or one set of cluster nodes, as a scenario sees it.
 *
 * @param name     the column name, e.g. {@code baseline}, {@code kali-inline}, {@code target}, {@code 2 nodes redis}
 * @param uri      where to connect (loopback): the first node
 * @param action   the echo action to call: {@code say} or {@code fast}; for a {@link Setup}, its mode
 * @param process  the first node's process when the runner started it; empty for {@code --target}
 * @param nodes    every node, the first one included (one for the single-server scenarios)
 * @param redisPids the Redis processes the nodes use, when the bench started them (their CPU is counted): one
 *                 redis-server, or each primary of the bench's own Redis Cluster; empty otherwise
 * @param targetPid the process of a {@code --target} server, when {@code --target-pid} gave it (its CPU is counted
 *                 as the server's); empty otherwise
 */
public record Subject(String name, URI uri, String action, Optional<ServerProcess> process, List<Node> nodes,
                      List<Long> redisPids, Optional<Long> targetPid) {

    /**
     * One node.
     *
     * @param uri     where to connect
     * @param process its process, when the runner started it
     */
    public record Node(URI uri, Optional<ServerProcess> process) {
    }

    /** Copies the lists. */
    public Subject {
        nodes = List.copyOf(nodes);
        redisPids = List.copyOf(redisPids);
    }

    /**
     * A single server.
     *
     * @param name    the column name
     * @param uri     where to connect
     * @param action  the echo action
     * @param process its process when the runner started it
     */
    public Subject(String name, URI uri, String action, Optional<ServerProcess> process) {
        this(name, uri, action, process, List.of(new Node(uri, process)), List.of(), Optional.empty());
    }

    /**
     * A server the bench did not start ({@code --target}).
     *
     * @param uri    where to connect
     * @param action the echo action
     * @param pid    its process, when known: its CPU is then counted as the server's
     * @return the subject, named {@code target}
     */
    public static Subject target(URI uri, String action, Optional<Long> pid) {
        return new Subject("target", uri, action, Optional.empty(), List.of(new Node(uri, Optional.empty())),
                List.of(), pid);
    }

    /**
     * The processes of the nodes the runner started.
     *
     * @return the processes, in node order
     */
    public List<ServerProcess> processes() {
        return nodes.stream().flatMap(n -> n.process().stream()).toList();
    }

    /**
     * The server side's processes whose CPU is counted: the nodes the runner started, or the target's.
     *
     * @return their pids
     */
    public List<Long> serverPids() {
        List<Long> pids = new ArrayList<>(processes().stream().map(ServerProcess::pid).toList());
        targetPid.ifPresent(pids::add);
        return pids;
    }
}
