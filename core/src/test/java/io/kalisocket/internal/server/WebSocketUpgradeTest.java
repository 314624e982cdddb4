package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.testing.RawWebSocket;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handshake of an upgrade that passed the server's checks, answered with Netty's handshaker's answer as Netty's
 * protocol stage answers: 101 to a valid upgrade, 426 naming version 13 (RFC 6455, the only one spoken) to any other
 * version, 400 to a request the handshaker cannot answer, 403 to an upgrade that is not a GET. An upgraded socket keeps
 * only the stages it needs.
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

    @ParameterizedTest
    @ValueSource(strings = {"Sec-WebSocket-Version: 99\r\n", "Sec-WebSocket-Version: 8\r\n", ""})
    void anyOtherVersion_is426_namingVersion13(String version) {
        try (RunningServer server = TestServers.probe()) {
            UpgradeAnswer answer = UpgradeAnswer.exchange(server.port(), request("GET", version
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

    @Test
    void anUpgradedSocket_keepsTheFrameDecoder_theGuard_andTheLifecycleStage_only() throws Exception {
        AtomicReference<Channel> accepted = new AtomicReference<>();
        try (RunningServer server = TestServers.probe(config -> KaliServer.create(config)
                .onConnect(c -> accepted.set(((ChannelConnection) c).socket().channel())));
                RawWebSocket client = RawWebSocket.connect(server.port())) {
            assertThat(client.statusLine()).contains("101");
            // onConnect runs on the connection's action queue, in no order with the 101 the client reads: wait for it.
            Channel channel = await().atMost(Duration.ofSeconds(20)).until(accepted::get, Objects::nonNull);

            List<String> stages = channel.eventLoop().submit(() -> List.copyOf(channel.pipeline().toMap().keySet()))
                    .get(20, TimeUnit.SECONDS);

            assertThat(stages).as("no HTTP stage, no encoder stage: the guard encodes")
                    .containsExactly("ws-decoder", "guard", "lifecycle");
        }
    }

    private static String request(String method, String headers) {
        return method + " / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + headers
                + "\r\n";
    }
}
