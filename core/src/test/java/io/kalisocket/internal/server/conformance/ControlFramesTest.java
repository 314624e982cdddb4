package io.kalisocket.internal.server.conformance;

import static io.kalisocket.internal.server.conformance.RawWebSocketAssert.assertThat;

import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Autobahn category 2, pings and pongs (RFC 6455 5.5.2 and 5.5.3), and 5.5's limit on control frames. */
class ControlFramesTest {

    @RegisterExtension
    static final ConformanceServer server = ConformanceServer.echo();

    @Test
    void pingWithoutPayloadIsAnsweredWithAnEmptyPong() {
        RawWebSocket ws = server.connect().send(Frame.ping(new byte[0]));
        assertThat(ws).receivesPong(new byte[0]).staysOpen();
    }

    @Test
    void pingWithTextPayloadIsAnsweredWithAPongCarryingTheSamePayload() {
        byte[] payload = "Hello, world!".getBytes(StandardCharsets.UTF_8);
        RawWebSocket ws = server.connect().send(Frame.ping(payload));
        assertThat(ws).receivesPong(payload).staysOpen();
    }

    @Test
    void pingWithBinaryPayloadIsAnsweredWithAPongCarryingTheSamePayload() {
        byte[] payload = {0x00, (byte) 0xFF, (byte) 0xFE, (byte) 0xFD, (byte) 0xFC, (byte) 0xFB, 0x00, (byte) 0xFF};
        RawWebSocket ws = server.connect().send(Frame.ping(payload));
        assertThat(ws).receivesPong(payload).staysOpen();
    }

    @Test
    void pingWith125BytePayloadIsAnsweredWithAPongCarryingTheSamePayload() {
        byte[] payload = sequence(125);
        RawWebSocket ws = server.connect().send(Frame.ping(payload));
        assertThat(ws).receivesPong(payload).staysOpen();
    }

    /** 5.5: "All control frames MUST have a payload length of 125 bytes or less". */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {126, 1_000})
    void pingOver125BytesFailsTheConnectionWith1002(int bytes) {
        RawWebSocket ws = server.connect().send(Frame.ping(sequence(bytes)));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void pongOver125BytesFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.pong(sequence(126)));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void pingWrittenOneByteAtATimeIsAnswered() {
        byte[] payload = "chopped".getBytes(StandardCharsets.UTF_8);
        RawWebSocket ws = server.connect().sendInChunks(Frame.ping(payload), 1);
        assertThat(ws).receivesPong(payload).staysOpen();
    }

    @Test
    void tenPingsInARowAreAnsweredByTenPongsInOrder() {
        RawWebSocket ws = server.connect();
        for (int i = 0; i < 10; i++) {
            ws.send(Frame.ping(("ping " + i).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(ws).receivesPong(("ping " + i).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ws).staysOpen();
    }

    /** 5.5.3: "A Pong frame MAY be sent unsolicited. [...] A response to an unsolicited Pong frame is not expected." */
    @Test
    void unsolicitedPongIsIgnored() {
        RawWebSocket ws = server.connect().send(Frame.pong(new byte[0]));
        assertThat(ws).staysOpen();
    }

    @Test
    void unsolicitedPongWithPayloadIsIgnoredAndAPingAfterItIsStillAnswered() {
        byte[] payload = "ping after pong".getBytes(StandardCharsets.UTF_8);
        RawWebSocket ws = server.connect()
                .send(Frame.pong("unsolicited".getBytes(StandardCharsets.UTF_8)), Frame.ping(payload));
        assertThat(ws).receivesPong(payload).staysOpen();
    }

    @Test
    void pingBetweenTwoMessagesIsAnsweredInOrder() {
        byte[] payload = "between".getBytes(StandardCharsets.UTF_8);
        RawWebSocket ws = server.connect()
                .send(Frame.text(Echo.request("first")));
        assertThat(ws).receivesEcho("first");
        ws.send(Frame.ping(payload), Frame.text(Echo.request("second")));
        assertThat(ws).receivesPong(payload).receivesEcho("second");
    }

    /** 5.4: "Control frames themselves MUST NOT be fragmented." */
    @Test
    void fragmentedPingFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect()
                .send(Frame.ping("frag".getBytes(StandardCharsets.UTF_8)).notFinal(),
                        Frame.continuation("ment"));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void fragmentedPongFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect()
                .send(Frame.pong("frag".getBytes(StandardCharsets.UTF_8)).notFinal(),
                        Frame.continuation("ment"));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    private static byte[] sequence(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
