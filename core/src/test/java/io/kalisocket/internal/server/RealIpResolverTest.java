package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealIpResolverTest {

    private final RealIpResolver resolver = new RealIpResolver(List.of("127.0.0.0/8", "10.0.0.0/8"));
    private final InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", 40000);
    private final InetSocketAddress stranger = new InetSocketAddress("192.0.2.7", 40000);

    @Test
    void resolve_believesXRealIpFromATrustedProxy() {
        assertThat(resolver.resolve(proxy, headers("X-Real-IP", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void resolve_ignoresHeadersFromAnUntrustedPeer() {
        assertThat(resolver.resolve(stranger, headers("X-Real-IP", "203.0.113.9"))).isEqualTo("192.0.2.7");
        assertThat(resolver.resolve(stranger, headers("X-Forwarded-For", "203.0.113.9"))).isEqualTo("192.0.2.7");
    }

    @Test
    void resolve_takesTheFirstUntrustedHopOfXForwardedForFromTheRight() {
        HttpHeaders h = headers("X-Forwarded-For", "198.51.100.1, 203.0.113.9, 10.0.0.5");
        assertThat(resolver.resolve(proxy, h)).isEqualTo("203.0.113.9");
    }

    @Test
    void resolve_fallsBackToTheSocketWhenHeadersAreNotAddresses() {
        assertThat(resolver.resolve(proxy, headers("X-Real-IP", "evil.example.com"))).isEqualTo("127.0.0.1");
        assertThat(resolver.resolve(proxy, new DefaultHttpHeaders())).isEqualTo("127.0.0.1");
    }

    private static HttpHeaders headers(String name, String value) {
        return new DefaultHttpHeaders().add(name, value);
    }
}
