package io.kalisocket.examples.quickstart;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java Quickstart <args>} in a JVM of its own; what it prints is kept in a file, read on demand. */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @param args the command line @return the started process */
    static AppProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), Quickstart.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("quickstart-", ".log");
        log.toFile().deleteOnExit();
        return new AppProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start(), log);
    }

    /** @param regex a pattern with one group @return the group, from the first line that matches */
    String awaitGroup(String regex) {
        Pattern pattern = Pattern.compile(regex);
        await().atMost(Duration.ofSeconds(60)).until(() -> find(pattern) != null || !process.isAlive());
        String found = find(pattern);
        if (found == null) {
            throw new AssertionError("no line matches " + regex + " in:\n" + output());
        }
        return found;
    }

    /** @param timeout how long to wait @return the exit status */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** @return everything printed so far */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String find(Pattern pattern) {
        Matcher m = pattern.matcher(output());
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
