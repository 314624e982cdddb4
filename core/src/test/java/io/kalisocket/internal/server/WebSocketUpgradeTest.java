package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handshake of an upgrade that passed the server's checks, done with Netty's handshaker and answered as Netty's
 * protocol stage answers: 101 to a valid upgrade, 426 naming the version it speaks to an unknown version, 400 to a
 * request the handshaker cannot answer, 403 to an upgrade that is not a GET.
 */
class WebSocketUpgradeTest {

    @Test
    void aValidUpgrade_is101_withTheAcceptKeyOfRfc6455() {
        try (RunningServer server = TestServers.probe()) {
            UpgradeAnswer answer = UpgradeAnswer.upgrade(server.port(), "/", Map.of());
            assertThat(answer.status()).isEqualTo(101);
            // RFC 6455 section 1.3's own example key and answer.
            assertThat(answer.header("Sec-WebSocket-Accept")).hasValue("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }
    }

    @Test
    void anUnknownVersion_is426_namingVersion13() {
        try (RunningServer server = TestServers.probe()) {
            UpgradeAnswer answer = UpgradeAnswer.exchange(server.port(), request("GET", "Sec-WebSocket-Version: 99\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"));
            assertThat(answer.status()).isEqualTo(426);
            assertThat(answer.header("Sec-WebSocket-Version")).hasValue("13");
        }
    }

    @Test
    void anUpgradeWithoutItsKey_is400() {
        try (RunningServer server = TestServers.probe()) {
            UpgradeAnswer answer = UpgradeAnswer.exchange(server.port(), request("GET", "Sec-WebSocket-Version: 13\r\n"));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).as("the handshaker's reason").contains("key");
        }
    }

    @Test
    void anUpgradeThatIsNoGet_is403() {
        try (RunningServer server = TestServers.probe()) {
            UpgradeAnswer answer = UpgradeAnswer.exchange(server.port(), request("POST", "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nContent-Length: 0\r\n"));
            assertThat(answer.status()).isEqualTo(403);
        }
    }

    private static String request(String method, String headers) {
        return method + " / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + headers
                + "\r\n";
    }
}
