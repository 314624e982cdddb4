package io.kalisocket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java samples of docs/AUTH.md compile as printed (each a whole file of package {@code app}) and do what the
 * page says: the API key authenticates, {@code @Authenticated} and {@code @RequiresClaim} guard, the interceptor
 * denies.
 */
class AuthDocsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");

    @Test
    void authMd_samplesCompile_andGuardAsTheyComment(@TempDir Path dir) throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        List<String> sources = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(Files.readString(docs().resolve("AUTH.md")));
        while (m.find()) {
            String name = m.group(1).replaceFirst("(?s).*public final class (\\w+).*", "$1");
            sources.add(Files.writeString(app.resolve(name + ".java"), m.group(1)).toString());
        }
        assertThat(sources).as("the Java samples of docs/AUTH.md").hasSize(2);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-proc:none",
                "-classpath", System.getProperty("java.class.path")));
        args.addAll(sources);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac's exit status").isZero();

        AtomicBoolean maintenance = new AtomicBoolean();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader());
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

    private static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("docs/AUTH.md"))) {
            dir = dir.getParent();
        }
        return dir.resolve("docs");
    }
}
