package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kalisocket.testing.DocSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java sample of docs/CLIENTS.md, and the README's Java client sample, compiles and runs as printed
 * ({@link JavaSample}) against the demo ({@link DemoProcess}): the samples say {@code ws://127.0.0.1:9527/}, the
 * demo's default address, and only that address is pointed at the demo started here. Each sample's output is
 * checked against what its comments say; a new sample needs its line here.
 */
class DocSamplesTest {

    private static final String DEMO_ADDRESS = "ws://127.0.0.1:9527/";
    private static final Duration RUN = Duration.ofSeconds(60);

    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() throws IOException {
        demo = DemoProcess.start(DocSamples.page("docs/CLIENTS.md").getParent().getParent());
    }

    @AfterAll
    static void stopDemo() throws InterruptedException {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void clientsMd_everyJavaSampleRunsAndPrintsWhatItsCommentsSay(@TempDir Path dir) throws Exception {
        List<String> blocks = DocSamples.javaBlocks("docs/CLIENTS.md");
        assertThat(blocks).as("the Java samples of docs/CLIENTS.md, each checked below").hasSize(2);

        assertThat(run("docs/CLIENTS.md, java block 1", blocks.get(0), dir.resolve("1")))
                .as("the error-handling call prints the reply code").contains("403");
        assertThat(run("docs/CLIENTS.md, java block 2", blocks.get(1), dir.resolve("2")))
                .as("the subprotocol the demo chose").isEqualTo("none");
    }

    @Test
    void readme_theJavaClientSampleRunsAndPrintsWhatItsCommentsSay(@TempDir Path dir) throws Exception {
        String client = DocSamples.javaBlockWith("README.md", "KaliClient");
        assertThat(run("README.md, the Java client sample", client, dir)).contains("403");
    }

    /** @return the lines the sample printed, trimmed, without the chat pushes it may also print */
    private static String run(String name, String block, Path dir) throws Exception {
        assertThat(block).as(name + " talks to the demo's address").contains(DEMO_ADDRESS);
        Files.createDirectories(dir);
        JavaSample sample = new JavaSample(name, block.replace(DEMO_ADDRESS, demo.uri().toString()));
        String printed = assertTimeoutPreemptively(RUN, () -> sample.run(dir), () -> name + " did not end; the demo:\n"
                + demo.output());
        return printed.lines().filter(l -> !l.contains(": ")).reduce((a, b) -> a + "\n" + b).orElse("").trim();
    }
}
