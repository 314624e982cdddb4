package io.kalisocket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackTest {

    @Test
    void require_acceptsLoopbackLiteralsAndLocalhost() {
        assertThat(Loopback.require(URI.create("ws://127.0.0.1:9527/"))).isNotNull();
        assertThat(Loopback.require(URI.create("ws://127.3.2.1:9527/"))).isNotNull();
        assertThat(Loopback.require(URI.create("ws://[::1]:9527/"))).isNotNull();
        assertThat(Loopback.require(URI.create("ws://localhost:9527/"))).isNotNull();
    }

    @Test
    void require_refusesEveryOtherHost() {
        for (String host : new String[] {"10.0.0.1", "192.168.1.2", "8.8.8.8", "example.com", "[2001:db8::1]", "0.0.0.0"}) {
            assertThatThrownBy(() -> Loopback.require(URI.create("ws://" + host + ":9527/")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-loopback");
        }
    }

    @Test
    void require_refusesOtherSchemesAndMissingPorts() {
        assertThatThrownBy(() -> Loopback.require(URI.create("wss://127.0.0.1:9527/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Loopback.require(URI.create("ws://127.0.0.1/"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void options_refuseANonLoopbackTarget() {
        assertThatThrownBy(() -> BenchOptions.parse("echo", "--target", "ws://10.1.2.3:80/"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
