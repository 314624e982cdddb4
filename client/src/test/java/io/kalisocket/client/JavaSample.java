package io.kalisocket.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assertions;

/**
 * A fenced {@code java} block of the docs, compiled with the JDK's compiler and run as printed. The block's
 * {@code import} lines head the file (a block with imports gets those only, so a missing one fails the compile);
 * the rest is the body of a static method. A block without imports gets those of the client's samples.
 */
final class JavaSample {

    private static final List<String> DEFAULT_IMPORTS = List.of("import io.kalisocket.client.*;",
            "import java.net.URI;", "import java.time.Duration;", "import java.util.List;", "import java.util.Map;");

    private final String name;
    private final String block;

    /**
     * @param name where the block is, for messages (e.g. {@code docs/CLIENTS.md, java block 1})
     * @param block the block's text, without the fences
     */
    JavaSample(String name, String block) {
        this.name = name;
        this.block = block;
    }

    /**
     * Compiles the block and runs it, with System.out captured.
     *
     * @param dir an empty folder for the source and classes
     * @return what the block printed
     */
    String run(Path dir) throws Exception {
        Path source = dir.resolve("Sample.java");
        Files.writeString(source, source());
        compile(source, dir);
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
                PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            loader.loadClass("Sample").getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw new AssertionError(name + " failed when run", e.getCause());
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private String source() {
        List<String> lines = block.lines().collect(Collectors.toList());
        List<String> imports = lines.stream().filter(l -> l.startsWith("import ")).collect(Collectors.toList());
        String body = lines.stream().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
        return String.join("\n", imports.isEmpty() ? DEFAULT_IMPORTS : imports)
                + "\n\npublic final class Sample {\n    public static void run() throws Exception {\n" + body
                + "\n    }\n}\n";
    }

    private void compile(Path source, Path dir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-proc:none", "-implicit:none");
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source))
                    .call();
            if (!compiled) {
                Assertions.fail(name + " does not compile:\n" + diagnostics.getDiagnostics().stream()
                        .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                        .collect(Collectors.joining("\n")) + "\n\n" + Files.readString(source));
            }
        }
    }
}
