package io.kalisocket.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.admin.AdminCommand;
import io.kalisocket.config.ConfigException;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.config.TlsConfig;
import io.kalisocket.internal.lifecycle.DrainController;
import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** wss:// from PEM files the test makes: both providers, TLS 1.2/1.3 only, the admin port too. */
class TlsTest {

    /** The {@code openssl} provider: core's test class path carries netty-tcnative for it, so CI must have it. */
    private static final RequiredService OPENSSL = RequiredService.of("OpenSSL through netty-tcnative",
            OpenSsl::isAvailable, "put netty-tcnative-boringssl-static (linux-x86_64) on the test class path,"
                    + " as core's pom does");

    @TempDir
    Path dir;
    private X509Bundle certificate;
    private Path certFile;
    private Path keyFile;

    @BeforeEach
    void makeCertificate() throws Exception {
        certificate = new CertificateBuilder().subject("CN=localhost").setIsCertificateAuthority(true)
                .addSanDnsName("localhost").addSanIpAddress("127.0.0.1").buildSelfSigned();
        certFile = Files.writeString(dir.resolve("cert.pem"), certificate.getCertificatePEM());
        keyFile = Files.writeString(dir.resolve("key.pem"), certificate.getPrivateKeyPEM());
    }

    private KaliConfig config(String provider, Map<String, String> extra) {
        Map<String, String> c = new HashMap<>(Map.of("server.port", "0", "tls.enabled", "true",
                "tls.cert-file", certFile.toString(), "tls.key-file", keyFile.toString(), "tls.provider", provider));
        c.putAll(extra);
        return ConfigLoader.of(c);
    }

    private SSLContext trustingTheCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("test", certificate.getCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void wss_carriesTheProtocol(String provider) throws Exception {
        if (provider.equals("openssl")) {
            OPENSSL.require();
        }
        try (RunningServer server = KaliServer.create(config(provider, Map.of())).controllers(DrainController.class)
                .bind();
                TestClient client = TestClient.to(URI.create("wss://localhost:" + server.port() + "/"))
                        .sslContext(trustingTheCertificate()).connect()) {
            client.send("~H#C~");
            client.send("{\"ct\":\"drain\",\"ac\":\"work\",\"n\":3}");
            List<String> received = client.awaitMessages(2);
            assertThat(received.get(0)).isEqualTo("~H#S~");
            assertThat(received.get(1)).contains("\"n\":3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void onlyTls12And13_areOffered(String provider) {
        if (provider.equals("openssl")) {
            OPENSSL.require();
        }
        TlsConfig tls = config(provider, Map.of()).tls();
        String[] enabled = TlsContexts.server(tls).newEngine(ByteBufAllocator.DEFAULT).getEnabledProtocols();
        // Netty's OpenSSL engine also lists "SSLv2Hello": a hello format it reports, not a protocol it speaks.
        assertThat(enabled).isNotEmpty().containsAnyOf("TLSv1.2", "TLSv1.3")
                .isSubsetOf("TLSv1.2", "TLSv1.3", "SSLv2Hello");
    }

    @Test
    void adminPort_mayUseTlsToo_andTheStatusCommandTrustsTheConfiguredCertificate() {
        KaliConfig config = config("auto", Map.of("admin.enabled", "true", "admin.port", "0", "admin.tls", "true"));
        try (RunningServer server = KaliServer.create(config).controllers(DrainController.class).bind()) {
            KaliConfig cli = config("auto", Map.of("admin.tls", "true",
                    "admin.port", String.valueOf(server.adminPort().getAsInt())));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = AdminCommand.run("status", cli, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("wss://");
            server.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void missingFiles_areConfigErrorsNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("tls.enabled", "true", "tls.cert-file", "/nope/cert.pem",
                "tls.key-file", keyFile.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("tls.cert-file: /nope/cert.pem does not exist or is not a file");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("tls.enabled", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("tls.cert-file: must name a PEM file when tls.enabled is true\n"
                        + "tls.key-file: must name a PEM file when tls.enabled is true");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("admin.tls", "true")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("admin.tls:");
    }
}
