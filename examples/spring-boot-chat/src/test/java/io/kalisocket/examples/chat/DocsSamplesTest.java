package io.kalisocket.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample of docs/SPRING.md is a source file of this application, character for character: what a reader
 * copies is what CI compiles and runs. Skipped only where this directory was copied out of the KaliSocket checkout.
 */
class DocsSamplesTest {

    private static final Path CHECKOUT = Path.of("../..");
    private static final Path SOURCES = Path.of("src/main/java/io/kalisocket/examples/chat");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
    private static final Pattern CLASS = Pattern.compile("public (?:final )?class (\\w+)");

    @Test
    void springDocSamples_areTheExampleSources() throws IOException {
        Path doc = CHECKOUT.resolve("docs/SPRING.md");
        assumeTrue(Files.isRegularFile(doc), "not inside the KaliSocket checkout");
        List<String> samples = javaBlocks(Files.readString(doc));
        assertThat(samples).as("Java samples of docs/SPRING.md").isNotEmpty();
        for (String sample : samples) {
            Matcher name = CLASS.matcher(sample);
            assertThat(name.find()).as("a sample without a public class:\n" + sample).isTrue();
            Path source = SOURCES.resolve(name.group(1) + ".java");
            assertThat(sample).as("docs/SPRING.md's " + name.group(1) + " differs from " + source)
                    .isEqualTo(Files.readString(source));
        }
    }

    /** @return the text of every fenced {@code ```java} block, each ending with a line break */
    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
