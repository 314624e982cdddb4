package io.kalisocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.testing.DocSamples;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "own callbacks" sample compiles as printed and does what it says: its {@code onMessage} answers the
 * heartbeat, hands a call to the dispatcher ({@code kali::run($data)}) and closes a connection that sent no JSON.
 */
class ReadmeOwnCallbacksTest {

    /** Wraps the sample in a method; {@code config} and {@code mapper} are what the sample takes as given. */
    private static final String WRAPPER = """
            package app;

            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import io.kalisocket.KaliServer;
            import io.kalisocket.config.KaliConfig;

            public final class OwnCallbacks {
                public static KaliServer server(KaliConfig config, ObjectMapper mapper) {
            %s
                    return server;
                }
            }
            """;

    /** The controller the sample's {@code controllers("app.controller")} finds: {@code ct=hello}. */
    private static final String CONTROLLER = """
            package app.controller;

            import com.fasterxml.jackson.databind.JsonNode;
            import io.kalisocket.mvc.Ctx;

            public final class HelloController {
                public Object hi(Ctx ctx, JsonNode params) {
                    return "hi " + params.path("name").asText();
                }
            }
            """;

    @Test
    void readme_theOwnCallbacksSample_compilesAndRunsTheCallThroughTheDispatcher(@TempDir Path dir) throws Exception {
        String sample = DocSamples.javaBlockWith("README.md", "server.onMessage(");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = DocSamples.compile(dir, Map.of("app.OwnCallbacks", WRAPPER.formatted(sample),
                "app.controller.HelloController", CONTROLLER))) {
            thread.setContextClassLoader(loader); // where KaliServer.create looks for the sample's controllers
            KaliServer server = (KaliServer) loader.loadClass("app.OwnCallbacks")
                    .getMethod("server", KaliConfig.class, ObjectMapper.class)
                    .invoke(null, TestServer.config(), new ObjectMapper());
            thread.setContextClassLoader(before);
            try (RunningServer running = server.bind();
                    TestClient client = TestClient.connect(running.port());
                    TestClient notJson = TestClient.connect(running.port())) {
                client.send("~H#C~").awaitText("~H#S~");
                assertThat(client.call("hello", "hi", "name", "Ada").path("data").asText()).isEqualTo("hi Ada");
                assertThat(notJson.send("hello?").awaitClose()).isEqualTo(1007);
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
