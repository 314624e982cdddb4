package io.kalisocket.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.testing.TestServer;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's sample of "HTTP endpoints beside the socket" compiles as printed and answers as its comment says. */
class HttpDocsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");

    @Test
    void readme_theHttpEndpointSample_compilesAndAnswersAsCommented(@TempDir Path dir) throws Exception {
        Matcher m = JAVA_BLOCK.matcher(Files.readString(readme()));
        String sample = null;
        while (m.find()) {
            if (m.group(1).contains(".http(\"/hello\"")) {
                sample = m.group(1);
            }
        }
        assertThat(sample).as("the README's HTTP endpoint sample").isNotNull();
        Path source = Files.writeString(Files.createDirectories(dir.resolve("app")).resolve("Hello.java"), sample);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), "-proc:none",
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertThat(status).as("javac's exit status").isZero();

        HttpClient http = HttpClient.newHttpClient();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
                RunningServer server = ((KaliServer) loader.loadClass("app.Hello")
                        .getMethod("server", KaliConfig.class).invoke(null, TestServer.config())).bind()) {
            String base = "http://127.0.0.1:" + server.port() + "/hello";
            var get = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "?name=Ada")).build(),
                    BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("hello, Ada");
            var post = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base))
                    .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().allValues("allow")).isEqualTo(List.of("GET"));
        }
    }

    private static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        return dir.resolve("README.md");
    }
}
