package io.kalisocket.demo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.demo.DemoApp;
import io.kalisocket.internal.admin.AdminClient;
import io.kalisocket.testing.RawWebSocket;
import io.kalisocket.testing.TestClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo behind a real nginx configured with docs/deploy/nginx: clients connect through it, the demo sees a
 * client's real IP because nginx (127.0.0.2) is its only trusted proxy, and a forged X-Real-IP sent straight
 * to the demo is ignored. Runs wherever nginx is installed; with CI=true a missing nginx is a failure.
 */
class NginxFrontTest {

    private static final String CLIENT_ADDRESS = "127.0.0.3";

    @TempDir
    Path dir;
    private RunningServer demo;
    private Nginx nginx;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        Nginx.INSTALLED.require();
        Map<String, String> overrides = new java.util.HashMap<>(DemoApp.DEFAULTS);
        overrides.putAll(Map.of("server.port", "0", "admin.enabled", "true", "admin.port", "0",
                "http.trusted-proxies", Nginx.PROXY_ADDRESS + "/32"));
        demo = DemoApp.server(ConfigLoader.of(overrides)).bind();
        nginx = Nginx.start(deployDir(), demo.port(), dir);
        admin = new AdminClient(URI.create("http://127.0.0.1:" + demo.adminPort().getAsInt()), "", null);
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (demo != null) {
            demo.stop(Duration.ofSeconds(5));
        }
    }

    private static Path deployDir() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path deploy = module.resolve("../docs/deploy/nginx").normalize();
        assertThat(deploy.resolve("kalisocket-proxy.conf")).exists();
        return deploy;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> connections() throws Exception {
        return (List<Map<String, Object>>) admin.get("/connections").get("connections");
    }

    @Test
    void clients_connectThroughNginx_andTalk() {
        try (TestClient client = TestClient.connect(nginx.port())) {
            client.send("~H#C~");
            assertThat(client.awaitText("~H#S~")).isEqualTo("~H#S~"); // the demo's welcome may come first
        }
    }

    @Test
    void throughNginx_theDemoSeesTheClientsRealIp_evenWhenTheClientForgesOne() throws Exception {
        try (RawWebSocket client = RawWebSocket.requestUpgrade(CLIENT_ADDRESS, nginx.port(),
                Map.of("X-Real-IP", "198.51.100.7"))) {
            assertThat(client.statusLine()).as(nginx.log()).startsWith("HTTP/1.1 101");
            await().until(() -> connections().size() == 1);
            Map<String, Object> seen = connections().get(0);
            assertThat(seen.get("ip")).isEqualTo(CLIENT_ADDRESS);
            assertThat((String) seen.get("peer")).startsWith(Nginx.PROXY_ADDRESS + ":");
        }
    }

    @Test
    void directly_aForgedXRealIpIsIgnored_becauseThePeerIsNotATrustedProxy() throws Exception {
        try (RawWebSocket client = RawWebSocket.requestUpgrade("127.0.0.1", demo.port(),
                Map.of("X-Real-IP", "203.0.113.9", "X-Forwarded-For", "203.0.113.9"))) {
            assertThat(client.statusLine()).startsWith("HTTP/1.1 101");
            await().until(() -> connections().size() == 1);
            assertThat(connections().get(0).get("ip")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theDocumentedSiteConfig_includesTheTestedFiles() throws Exception {
        String site = Files.readString(deployDir().resolve("kalisocket.conf"));
        assertThat(site).contains("include /etc/nginx/kalisocket/kalisocket-upgrade-map.conf;")
                .contains("include /etc/nginx/kalisocket/kalisocket-proxy.conf;");
    }
}
