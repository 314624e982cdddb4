package io.kalisocket.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's quickstart is this module's source, character for character: the sample a reader copies is the
 * one CI compiles and runs. Skipped only where this directory was copied out of the KaliSocket checkout.
 */
class ReadmeQuickstartTest {

    private static final Path SOURCE = Path.of("src/main/java/io/kalisocket/examples/quickstart/Quickstart.java");
    private static final Path CHECKOUT = Path.of("../..");

    @Test
    void readmeSnippet_isTheExampleSource() throws IOException {
        Path parent = CHECKOUT.resolve("pom.xml");
        assumeTrue(Files.isRegularFile(parent) && Files.readString(parent).contains("<artifactId>kalisocket-parent<"),
                "not inside the KaliSocket checkout");
        List<String> blocks = javaBlocks(Files.readString(CHECKOUT.resolve("README.md")));
        List<String> quickstarts = blocks.stream()
                .filter(b -> b.startsWith("package io.kalisocket.examples.quickstart;")).toList();
        assertTrue(!quickstarts.isEmpty(), "README.md has no ```java block of the quickstart (package "
                + "io.kalisocket.examples.quickstart)");
        String source = Files.readString(SOURCE);
        for (String block : quickstarts) {
            assertEquals(source, block, "README.md's quickstart differs from " + SOURCE + ": copy one to the other");
        }
    }

    /** @return the text of every fenced {@code ```java} block, each ending with a line break */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && line.strip().equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }
}
