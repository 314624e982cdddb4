package io.kalisocket.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;

/**
 * The Java samples of the checkout's Markdown pages, for tests that show each sample compiles as printed and does
 * what its text says: read the {@code ```java} blocks of a page, compile them against the test's class path, load
 * them.
 */
public final class DocSamples {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");

    private DocSamples() {
    }

    /**
     * @param page a page's path in the checkout, e.g. {@code docs/GATEWAY.md}
     * @return the page's file, found from the working directory upwards (a module's or the checkout's)
     */
    public static Path page(String page) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve(page))) {
            dir = dir.getParent();
            if (dir == null) {
                throw new IllegalStateException(page + " is not in any folder above " + Path.of("").toAbsolutePath());
            }
        }
        return dir.resolve(page);
    }

    /** @param page a page's path in the checkout @return its {@code ```java} blocks, in order, without the fences */
    public static List<String> javaBlocks(String page) {
        try {
            Matcher m = JAVA_BLOCK.matcher(Files.readString(page(page)));
            List<String> blocks = new ArrayList<>();
            while (m.find()) {
                blocks.add(m.group(1));
            }
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param page a page's path in the checkout
     * @param marker text that only the wanted block contains, e.g. a call it shows
     * @return that block; fails the test unless exactly one block of the page contains the marker
     */
    public static String javaBlockWith(String page, String marker) {
        List<String> blocks = javaBlocks(page).stream().filter(b -> b.contains(marker)).toList();
        assertThat(blocks).as("the Java samples of " + page + " that contain " + marker).hasSize(1);
        return blocks.get(0);
    }

    /**
     * Compiles sources with the test's class path (javac's exit status must be 0) and loads the classes.
     *
     * @param dir an empty folder for the sources and classes
     * @param sources each class's binary name (e.g. {@code app.Hello}) to its source
     * @return a loader of the compiled classes, with the test's loader as its parent; close it when done
     */
    public static URLClassLoader compile(Path dir, Map<String, String> sources) {
        List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-proc:none",
                "-classpath", System.getProperty("java.class.path")));
        try {
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = dir.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                args.add(Files.writeString(file, source.getValue()).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)))
                .as("javac's exit status for " + sources.keySet()).isZero();
        try {
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, DocSamples.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
