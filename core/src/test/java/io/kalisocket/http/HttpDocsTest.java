package io.kalisocket.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.testing.DocSamples;
import io.kalisocket.testing.TestServer;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's sample of "HTTP endpoints beside the socket" compiles as printed and answers as its comment says. */
class HttpDocsTest {

    @Test
    void readme_theHttpEndpointSample_compilesAndAnswersAsCommented(@TempDir Path dir) throws Exception {
        String sample = DocSamples.javaBlockWith("README.md", ".http(\"/hello\"");
        HttpClient http = HttpClient.newHttpClient();
        try (URLClassLoader loader = DocSamples.compile(dir, Map.of("app.Hello", sample));
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
}
