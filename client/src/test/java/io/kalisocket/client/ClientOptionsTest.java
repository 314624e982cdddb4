package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handshake settings of {@link ClientOptions}: {@code header}, {@code origin}, {@code subprotocol}. What the
 * JDK's WebSocket client would refuse only when connecting (and the client then retry forever) is refused here,
 * when the options are built. (The other settings: {@link BackoffTest}; on the wire: {@link HandshakeTest}.)
 */
class ClientOptionsTest {

    @Test
    void defaults_sendNoHeadersAndOfferNoSubprotocol() {
        assertThat(ClientOptions.defaults().headers()).isEmpty();
        assertThat(ClientOptions.defaults().subprotocols()).isEmpty();
    }

    @Nested
    class Header {

        @Test
        void isRepeatable_valuesKeepTheirOrder_namesDifferingInCaseAreOneHeader() {
            ClientOptions o = ClientOptions.builder()
                    .header("Authorization", "Bearer x")
                    .header("X-Tag", "a")
                    .header("x-tag", "b")
                    .build();
            assertThat(o.headers()).containsExactly(Map.entry("Authorization", List.of("Bearer x")),
                    Map.entry("X-Tag", List.of("a", "b")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Host", "connection", "Upgrade", "Content-Length", "Expect", "Sec-WebSocket-Key",
            "Sec-WebSocket-Protocol", "sec-websocket-version", "Sec-WebSocket-Extensions", "Sec-WebSocket-Accept"})
        void refusesWhatTheHandshakeSetsItself(String name) {
            assertThatThrownBy(() -> ClientOptions.builder().header(name, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the header " + name + " is set by the WebSocket handshake itself");
        }

        @Test
        void refusesANameThatIsNotAToken() {
            assertThatThrownBy(() -> ClientOptions.builder().header("Bad Name", "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not a header name: \"Bad Name\"");
        }

        @Test
        void refusesAValueWithALineBreak_orBeyondIso88591() {
            assertThatThrownBy(() -> ClientOptions.builder().header("X-A", "a\r\nX-Injected: 1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
            assertThatThrownBy(() -> ClientOptions.builder().header("X-A", "日本"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not ISO-8859-1");
            assertThat(ClientOptions.builder().header("X-A", "café\tau lait").build().headers())
                    .containsEntry("X-A", List.of("café\tau lait"));
        }

        @Test
        void isCheckedWhenTheRecordIsMadeDirectly() {
            ClientOptions d = ClientOptions.defaults();
            assertThatThrownBy(() -> new ClientOptions(d.query(), Map.of("Host", List.of("x")), d.subprotocols(),
                    d.heartbeatInterval(), d.heartbeatPing(), d.heartbeatPong(), d.deadAfter(), d.connectTimeout(),
                    d.callTimeout(), d.resendInterval(), d.reconnect(), d.backoff(), d.maxQueue(),
                    d.finalCloseCodes(), d.recover(), d.clock()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Origin {

        @Test
        void setsTheOriginHeader_replacingOneGivenBefore() {
            ClientOptions o = ClientOptions.builder()
                    .header("origin", "https://old.example")
                    .origin("https://chat.example")
                    .build();
            assertThat(o.headers()).containsExactly(Map.entry("Origin", List.of("https://chat.example")));
        }
    }

    @Nested
    class Subprotocol {

        @Test
        void isRepeatable_mostPreferredFirst_andKeptByToBuilder() {
            ClientOptions o = ClientOptions.builder().subprotocol("v2").subprotocol("v1").header("X-A", "1").build();
            assertThat(o.subprotocols()).containsExactly("v2", "v1");
            assertThat(o.toBuilder().build()).isEqualTo(o);
        }

        @Test
        void refusesOneThatIsNotAToken_orOfferedTwice() {
            assertThatThrownBy(() -> ClientOptions.builder().subprotocol("a b").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a subprotocol is a token");
            assertThatThrownBy(() -> ClientOptions.builder().subprotocol("v1").subprotocol("v1").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        }
    }
}
