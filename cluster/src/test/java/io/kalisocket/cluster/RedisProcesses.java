package io.kalisocket.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Redis processes a test started (servers, sentinels), with their files in one temporary folder: every command is
 * bounded in time, and {@link #close} kills all of them and deletes the folder.
 */
final class RedisProcesses implements AutoCloseable {

    /**
     * Starts a set of Redis processes in one folder.
     *
     * @param <T> what it makes of them
     */
    interface Launch<T> {
        /**
         * @param processes where to start them
         * @return the started set
         * @throws IOException when one cannot start
         */
        T launch(RedisProcesses processes) throws IOException;
    }

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();

    /** @param name the folder's name prefix @throws IOException when it cannot be made */
    RedisProcesses(String name) throws IOException {
        this.dir = Files.createTempDirectory(name);
    }

    /**
     * Launches a set of Redis processes in a new folder; when that fails, whatever it started is killed.
     *
     * @param <T> the set
     * @param name the folder's name prefix
     * @param what the set, for the error message, e.g. {@code a local Redis Cluster}
     * @param launch starts the processes and waits until they are ready
     * @return the set, ready
     * @throws IllegalStateException when it cannot be started
     */
    static <T> T launch(String name, String what, Launch<T> launch) {
        RedisProcesses processes = null;
        try {
            processes = new RedisProcesses(name);
            return launch.launch(processes);
        } catch (IOException | RuntimeException e) {
            if (processes != null) {
                processes.close();
            }
            throw new IllegalStateException("could not start " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param port its port
     * @return the command line of a {@code redis-server} on 127.0.0.1 and that port, without persistence
     */
    static List<String> serverCommand(int port) {
        return List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no");
    }

    /**
     * @param port its port
     * @param options more options, e.g. {@code --cluster-enabled yes}
     * @return a started {@link #serverCommand} with its files in the folder (log {@code redis-PORT.log})
     * @throws IOException when it cannot start
     */
    Process startServer(int port, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(serverCommand(port));
        command.addAll(List.of("--dir", dir.toString()));
        command.addAll(options);
        return start(command, "redis-" + port);
    }

    /** @return the folder, for the processes' own files */
    Path dir() {
        return dir;
    }

    /**
     * @param command a command line
     * @param name its log file's name
     * @return the started process (its output goes to the log file)
     * @throws IOException when it cannot start
     */
    Process start(List<String> command, String name) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    /**
     * @param port a Redis server or sentinel
     * @param args a command
     * @return what {@code redis-cli} printed, or an empty string when it failed or took more than 30 s
     */
    static String cli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        try {
            return run(command);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * @param command a command line
     * @return its output
     * @throws IOException when it cannot start
     * @throws IllegalStateException when it takes more than 30 s or the wait is interrupted
     */
    static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /**
     * @param count how many
     * @return as many distinct ports free now (all held open while chosen, so none is handed out twice)
     * @throws IOException when they cannot be had
     */
    static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket probe = new ServerSocket(0);
                held.add(probe);
                ports.add(probe.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
