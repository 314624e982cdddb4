package io.kalisocket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.testing.DocSamples;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java samples of docs/AUTH.md compile as printed (each a whole file of package {@code app}) and do what the
 * page says: the API key authenticates, {@code @Authenticated} and {@code @RequiresClaim} guard, the interceptor
 * denies.
 */
class AuthDocsTest {

    @Test
    void authMd_samplesCompile_andGuardAsTheyComment(@TempDir Path dir) throws Exception {
        Map<String, String> sources = new HashMap<>();
        for (String block : DocSamples.javaBlocks("docs/AUTH.md")) {
            sources.put("app." + block.replaceFirst("(?s).*public final class (\\w+).*", "$1"), block);
        }
        assertThat(sources).as("the Java samples of docs/AUTH.md").hasSize(2);

        AtomicBoolean maintenance = new AtomicBoolean();
        try (URLClassLoader loader = DocSamples.compile(dir, sources);
                RunningServer server = ((KaliServer) loader.loadClass("app.App")
                        .getMethod("server", KaliConfig.class, BooleanSupplier.class)
                        .invoke(null, TestServer.config(), (BooleanSupplier) maintenance::get)).bind();
                TestClient robot = TestClient.to(URI.create("ws://127.0.0.1:" + server.port() + "/"))
                        .header("X-Api-Key", "k-123").connect()) {
            JsonNode me = robot.call("admin", "me");
            assertThat(me.path("data").path("uid").asText()).isEqualTo("robot");
            assertThat(me.path("data").path("claims").path("role").asText()).isEqualTo("admin");
            assertThat(robot.call("admin", "purge").path("data").asText()).isEqualTo("purged");
            maintenance.set(true);
            assertThat(robot.call("admin", "purge").path("code").asInt()).isEqualTo(503);
            assertThat(TestClient.attempt(URI.create("ws://127.0.0.1:" + server.port() + "/"), Map.of())
                    .handle((ws, e) -> e != null).join()).as("refused without the key").isTrue();
        }
    }
}
