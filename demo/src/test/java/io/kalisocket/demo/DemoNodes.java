package io.kalisocket.demo;

import io.kalisocket.internal.admin.AdminClient;
import io.kalisocket.opstest.JavaProcess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Two demo processes started as a user would, with {@code --redis URI}: the nodes of the demo's cluster tests. Each
 * has its own admin endpoint, read for what only the node knows (connections parked for recovery).
 */
final class DemoNodes implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ADMIN_PORT = Pattern.compile("admin endpoint on http://127\\.0\\.0\\.1:(\\d+)/");
    /** A JVM's start on a loaded machine with two cores. */
    private static final Duration START = Duration.ofSeconds(90);

    /** One demo process. @param process its JVM @param port its WebSocket port @param adminPort its admin port */
    record Node(JavaProcess process, int port, int adminPort) {
    }

    private final Node one;
    private final Node two;

    private DemoNodes(Node one, Node two) {
        this.one = one;
        this.two = two;
    }

    /**
     * @param redisUri the {@code --redis} of both, e.g. {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2}
     * @param run a tag of this run, for unique node ids
     * @return both, listening
     * @throws IOException when one cannot start
     */
    static DemoNodes start(String redisUri, String run) throws IOException {
        // one key for both nodes' resume tokens, so that a client returns to either
        String secret = "recovery.secret=" + UUID.randomUUID();
        JavaProcess first = launch(redisUri, "a" + run, secret);
        JavaProcess second = null;
        try {
            second = launch(redisUri, "b" + run, secret);
            return new DemoNodes(listening(first), listening(second));
        } catch (IOException | RuntimeException | Error e) {
            first.close();
            if (second != null) {
                second.close();
            }
            throw e;
        }
    }

    private static JavaProcess launch(String redisUri, String nodeId, String secret) throws IOException {
        return JavaProcess.start(List.of(), DemoMain.class, "--port", "0", "--admin-port", "0", "--node-id", nodeId,
                "--redis", redisUri, "--set", secret);
    }

    private static Node listening(JavaProcess process) {
        try {
            int port = Integer.parseInt(process.awaitGroup(PORT, START));
            return new Node(process, port, Integer.parseInt(process.awaitGroup(ADMIN_PORT, START)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("a demo node did not start in time; it printed:\n"
                    + String.join("\n", process.lines()), e);
        }
    }

    /** @return the first node */
    Node one() {
        return one;
    }

    /** @return the second node */
    Node two() {
        return two;
    }

    /** @param node a node @return how many of its connections are parked for recovery now ({@code /status}) */
    long parked(Node node) {
        try {
            AdminClient admin = new AdminClient(URI.create("http://127.0.0.1:" + node.adminPort()), "", null);
            return ((Number) ((Map<?, ?>) admin.get("/status").get("recovery")).get("parked")).longValue();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return what both nodes printed so far (the last 40 lines of each), for a failure's message */
    String output() {
        return "node one:\n" + tail(one.process()) + "\nnode two:\n" + tail(two.process());
    }

    private static String tail(JavaProcess process) {
        List<String> lines = process.lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        one.process().close();
        two.process().close();
    }
}
