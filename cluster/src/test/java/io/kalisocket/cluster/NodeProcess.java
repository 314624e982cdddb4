package io.kalisocket.cluster;

import static org.awaitility.Awaitility.await;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster node in a process of its own, for the tests that kill it abruptly. Args: Redis URI, key prefix,
 * node id, node TTL in ms. Prints {@code PORT <n>} once listening, then runs until killed.
 */
public final class NodeProcess {

    private NodeProcess() {
    }

    /** @param args Redis URI, key prefix, node id, node TTL in ms @throws InterruptedException never */
    public static void main(String[] args) throws InterruptedException {
        KaliServer server = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0", "server.node-id", args[2],
                "server.worker-threads", "1", "limits.idle-timeout", "10m"))).controllers(ProbeController.class);
        Cluster.join(server, ClusterConfig.of(args[0]).withKeyPrefix(args[1])
                .withNodeTtl(Duration.ofMillis(Long.parseLong(args[3]))));
        RunningServer running = server.bind();
        System.out.println("PORT " + running.port());
        System.out.flush();
        running.awaitStop();
    }

    /**
     * Starts a node process and waits until it listens.
     *
     * @param args as for {@link #main}
     * @return the process and its port
     * @throws Exception when it cannot start
     */
    static Started start(String... args) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-cp", classpath,
                "-Dlogback.configurationFile=cluster-test-logback.xml", NodeProcess.class.getName()));
        command.addAll(List.of(args));
        File log = File.createTempFile("kali-node-" + args[2] + "-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        AtomicInteger port = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("node process ended before listening; see " + log);
            }
            Files.readAllLines(log.toPath()).stream().filter(l -> l.startsWith("PORT ")).findFirst()
                    .ifPresent(l -> port.set(Integer.parseInt(l.substring(5).trim())));
            return port.get() > 0;
        });
        return new Started(process, port.get());
    }

    /** A started node process. @param process the process @param port where it listens */
    record Started(Process process, int port) {
    }
}
