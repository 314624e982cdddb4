package io.kalisocket.bench.run;

import io.kalisocket.bench.scenario.Setup;
import io.kalisocket.bench.scenario.Subject;
import io.kalisocket.bench.server.ServerKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The nodes of one {@link Setup}, each a KaliSocket bench app in a JVM of its own, started together
 * and closed together. Nodes on Redis get ids {@code a}, {@code b} and a key prefix no other set uses.
 */
final class NodeSet implements AutoCloseable {

    private static final String[] IDS = {"a", "b"};

    private final List<ServerProcess> processes = new ArrayList<>();
    private final Subject subject;

    /**
     * Starts the nodes.
     *
     * @param setup    what to start
     * @param redis     the run's Redis, when there is one
     * @param redisPids its processes when the bench started it
     * @param java     the java binary
     * @param prefix   command prefix (taskset)
     * @param jvmArgs  extra JVM options
     * @throws IOException if a node does not start
     * @throws InterruptedException if interrupted while waiting for one
     */
    NodeSet(Setup setup, Optional<URI> redis, List<Long> redisPids, Path java, List<String> prefix,
            List<String> jvmArgs) throws IOException, InterruptedException {
        String keyPrefix = "bench:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        List<Subject.Node> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < setup.nodes(); i++) {
                List<String> args = new ArrayList<>();
                if (setup.redis()) {
                    URI uri = redis.orElseThrow(() -> new IllegalStateException("no Redis for " + setup.name()));
                    args.addAll(List.of("--redis", uri.toString(), "--node-id", IDS[i], "--key-prefix", keyPrefix));
                }
                if (setup.recovery()) {
                    args.add("--recovery");
                }
                ServerProcess p = ServerProcess.start(ServerKind.KALI, java, prefix, jvmArgs, args);
                processes.add(p);
                nodes.add(new Subject.Node(URI.create("ws://127.0.0.1:" + p.port() + "/"), Optional.of(p)));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        this.subject = new Subject(setup.name(), nodes.get(0).uri(), setup.mode(), nodes.get(0).process(), nodes,
                setup.redis() ? redisPids : List.of(), Optional.empty());
    }

    /**
     * The nodes as the scenario sees them.
     *
     * @return the subject
     */
    Subject subject() {
        return subject;
    }

    @Override
    public void close() {
        processes.forEach(ServerProcess::close);
    }
}
