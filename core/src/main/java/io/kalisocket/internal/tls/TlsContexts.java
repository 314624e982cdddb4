package io.kalisocket.internal.tls;

import io.kalisocket.config.TlsConfig;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Makes the server's {@link SslContext} from the {@code tls} section: PEM certificate chain and PKCS#8 key,
 * OpenSSL (netty-tcnative) when available or asked for, else the JDK; TLS 1.3 and 1.2 only.
 */
public final class TlsContexts {

    /** The only protocols offered; older ones are refused at the handshake. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContexts() {
    }

    /**
     * @param config the {@code tls} section, enabled
     * @return a server context
     * @throws IllegalStateException naming the key when the files cannot be used or OpenSSL is missing
     */
    public static SslContext server(TlsConfig config) {
        SslProvider provider = provider(config.provider());
        try {
            return SslContextBuilder
                    .forServer(new File(config.certFile()), new File(config.keyFile()),
                            config.keyPassword().isEmpty() ? null : config.keyPassword())
                    .sslProvider(provider)
                    .protocols(PROTOCOLS)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("tls: cannot use " + config.certFile() + " and " + config.keyFile()
                    + " (PEM certificate chain, PKCS#8 key): " + e.getMessage(), e);
        }
    }

    /**
     * @param wanted {@code auto}, {@code openssl} or {@code jdk}
     * @return the provider to use
     * @throws IllegalStateException when OpenSSL is asked for but not available
     */
    public static SslProvider provider(String wanted) {
        return switch (wanted) {
            case "openssl" -> {
                if (!OpenSsl.isAvailable()) {
                    throw new IllegalStateException("tls.provider: openssl is not available here "
                            + "(add io.netty:netty-tcnative-boringssl-static): " + OpenSsl.unavailabilityCause());
                }
                yield SslProvider.OPENSSL;
            }
            case "jdk" -> SslProvider.JDK;
            default -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        };
    }

    /** @param context a context made here @return {@code openssl} or {@code jdk}, for logs and /status */
    public static String providerName(SslContext context) {
        return context.isServer() && context.getClass().getSimpleName().contains("OpenSsl") ? "openssl" : "jdk";
    }
}
