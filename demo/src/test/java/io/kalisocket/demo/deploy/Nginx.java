package io.kalisocket.demo.deploy;

import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.RequiredService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real nginx (Debian's) in front of a KaliSocket port, configured with the files of docs/deploy/nginx, on a
 * free loopback port; its connections to the upstream leave from 127.0.0.2 ({@code proxy_bind}).
 */
final class Nginx implements AutoCloseable {

    /** The address nginx's upstream connections come from. */
    static final String PROXY_ADDRESS = "127.0.0.2";

    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Debian's nginx: failed under CI when missing, skipped elsewhere. */
    static final RequiredService INSTALLED = RequiredService.command("nginx",
            "apt-get install -y nginx (as .ci/run does)");

    /**
     * @param deployDir docs/deploy/nginx of this repository
     * @param upstreamPort the KaliSocket port
     * @param dir a scratch folder
     * @return nginx, accepting connections
     * @throws IOException when it cannot start
     */
    static Nginx start(Path deployDir, int upstreamPort, Path dir) throws IOException {
        Path binary = RequiredService.findCommand("nginx").orElseThrow(); // INSTALLED.require() first
        int port = freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %2$s/kalisocket-upgrade-map.conf;
                    upstream kalisocket { server 127.0.0.1:%3$d; }
                    server {
                        listen 127.0.0.1:%4$d;
                        location / {
                            proxy_pass http://kalisocket;
                            proxy_bind %5$s;
                            include %2$s/kalisocket-proxy.conf;
                        }
                    }
                }
                """.formatted(dir, deployDir.toAbsolutePath(), upstreamPort, port, PROXY_ADDRESS));
        Process process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, dir, port);
        await().atMost(Duration.ofSeconds(20)).until(() -> nginx.accepts() || !process.isAlive());
        if (!process.isAlive()) {
            throw new IOException("nginx did not start: " + nginx.log());
        }
        return nginx;
    }

    /** @return nginx's port on 127.0.0.1 */
    int port() {
        return port;
    }

    /** @return nginx's error log, for failure messages */
    String log() {
        try {
            return Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Stops nginx (SIGTERM: fast shutdown) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        List.of("nginx.pid").forEach(f -> dir.resolve(f).toFile().delete());
    }
}
