package io.kalisocket.admin;

import io.kalisocket.internal.admin.AdminClient;
import io.kalisocket.internal.admin.StatusTable;
import io.kalisocket.config.AdminConfig;
import io.kalisocket.config.KaliConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The launcher commands that talk to a running server through its admin endpoint, as Workerman's
 * {@code php start.php status | connections | stop}: {@code status} and {@code connections} print a table,
 * {@code stop} asks for a graceful stop. The endpoint's address and token come from the same configuration
 * (file, environment, flags) the server was started with.
 */
public final class AdminCommand {

    /** Exit status when the command worked. */
    public static final int OK = 0;
    /** Exit status when no server answered, or it refused. */
    public static final int UNAVAILABLE = 3;

    private AdminCommand() {
    }

    /**
     * @param command {@code status}, {@code connections} or {@code stop}
     * @param config the configuration naming the admin endpoint
     * @param out where the table goes
     * @param err where a problem goes
     * @return the exit status: {@link #OK} or {@link #UNAVAILABLE}
     */
    public static int run(String command, KaliConfig config, PrintStream out, PrintStream err) {
        try {
            AdminClient client = new AdminClient(base(config.admin()), config.admin().token(),
                    config.admin().tls() ? trusting(Path.of(config.tls().certFile())) : null);
            switch (command) {
                case "status" -> out.print(StatusTable.status(client.get("/status")));
                case "connections" -> out.print(StatusTable.connections(client.get("/connections")));
                case "stop" -> {
                    client.post("/stop");
                    out.println("stopping: the server drains its connections and exits");
                }
                default -> throw new IllegalArgumentException("unknown admin command: " + command);
            }
            return OK;
        } catch (IOException | GeneralSecurityException e) {
            err.println(command + ": " + e.getMessage());
            return UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command + ": interrupted");
            return UNAVAILABLE;
        }
    }

    /** @param admin the admin section @return its base URI; a wildcard bind address is reached on loopback */
    static URI base(AdminConfig admin) {
        String host = switch (admin.host()) {
            case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> admin.host();
        };
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create((admin.tls() ? "https" : "http") + "://" + host + ":" + admin.port());
    }

    /** @return a TLS context trusting the certificates of a PEM file (the server's own, for admin.tls) */
    private static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("kalisocket-" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
