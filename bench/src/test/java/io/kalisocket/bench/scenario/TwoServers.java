package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.ServerProcess;
import io.kalisocket.bench.server.ServerKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Bare Netty (A) and {@code server kali} (B), each in a JVM of its own, for the comparisons in pairs of windows. */
final class TwoServers implements AutoCloseable {

    private final ServerProcess a;
    private final ServerProcess b;

    TwoServers() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.a = ServerProcess.start(ServerKind.BASELINE, java, List.of(), List.of());
        ServerProcess started;
        try {
            started = ServerProcess.start(ServerKind.KALI, java, List.of(), List.of());
        } catch (Exception e) {
            a.close();
            throw e;
        }
        this.b = started;
    }

    /**
     * @param more the command's other flags
     * @return {@code --a URL --a-pid PID --b URL --b-pid PID} and those
     */
    List<String> flags(String... more) {
        List<String> flags = new ArrayList<>(List.of("--a", "ws://127.0.0.1:" + a.port() + "/",
                "--a-pid", Long.toString(a.pid()), "--b", "ws://127.0.0.1:" + b.port() + "/",
                "--b-pid", Long.toString(b.pid())));
        flags.addAll(Arrays.asList(more));
        return flags;
    }

    @Override
    public void close() throws Exception {
        try (ServerProcess first = a; ServerProcess second = b) {
            // both stopped, whichever fails
        }
    }
}
