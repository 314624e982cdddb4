package io.kalisocket.opstest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own running a main class of the test class path. What it prints (stdout and stderr) goes to a
 * file, read on demand: a pipe would lose the last lines when the process exits.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private JavaProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param jvmOptions e.g. {@code -Dlogback.configurationFile=...}
     * @param mainClass the class to run
     * @param args its arguments
     * @return the started process
     * @throws IOException when it cannot start
     */
    public static JavaProcess start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("kalisocket-process-", ".log");
        output.toFile().deleteOnExit();
        return new JavaProcess(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start(), output);
    }

    /** @return every line printed so far */
    public List<String> lines() {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for a line matching the pattern and returns its first group.
     *
     * @param pattern a regular expression with one group
     * @param timeout how long to wait
     * @return the group
     */
    public String awaitGroup(Pattern pattern, Duration timeout) {
        await().atMost(timeout).until(() -> find(pattern).isPresent() || !process.isAlive());
        return find(pattern).orElseThrow(() -> new AssertionError("no line matching " + pattern + " in:\n"
                + String.join("\n", lines())));
    }

    private Optional<String> find(Pattern pattern) {
        for (String line : lines()) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** @return the process */
    public Process process() {
        return process;
    }

    /** Sends SIGTERM, as a service manager does. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
