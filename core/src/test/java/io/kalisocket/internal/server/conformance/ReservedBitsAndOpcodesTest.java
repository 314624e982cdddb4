package io.kalisocket.internal.server.conformance;

import static io.kalisocket.internal.server.conformance.RawWebSocketAssert.assertThat;

import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn categories 3 (reserved bits) and 4 (opcodes). RFC 6455 5.2: with no extension negotiated a
 * non-zero RSV bit, or a reserved opcode, means the receiving endpoint "MUST Fail the WebSocket Connection".
 */
class ReservedBitsAndOpcodesTest {

    @RegisterExtension
    static final ConformanceServer server = ConformanceServer.echo();

    /** 4 is RSV1, 2 is RSV2, 1 is RSV3. */
    @ParameterizedTest(name = "rsv={0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void textFrameWithAReservedBitSetFailsTheConnectionWith1002(int rsv) {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request("rsv")).withRsv(rsv));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void binaryFrameWithRsv1SetFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.binary(new byte[] {1, 2, 3}).withRsv(4));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void pingWithAReservedBitSetFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.ping("rsv".getBytes(StandardCharsets.UTF_8)).withRsv(5));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void closeWithAReservedBitSetFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.close(1000).withRsv(6));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /** Autobahn 3.2: what came before is answered; what comes after the bad frame is not. */
    @Test
    void frameWithAReservedBitFailsTheConnectionAfterEarlierMessagesAreAnsweredAndNothingAfterIt() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request("before")));
        assertThat(ws).receivesEcho("before");
        ws.send(Frame.text(Echo.request("bad")).withRsv(2), Frame.ping("after".getBytes(StandardCharsets.UTF_8)));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /**
     * RFC 6455 7.1.7: the close frame comes before the TCP close. A client still sending after its bad frame would
     * get a TCP reset if the server closed at once, and a reset can destroy the close frame before it is read; the
     * server keeps reading (and discarding) until the client closes.
     */
    @Test
    void aClientThatGoesOnSendingAfterABadFrame_stillReceivesTheCloseFrame() {
        RawWebSocket ws = server.connect().send(Frame.of(3, "reserved".getBytes(StandardCharsets.UTF_8)));
        byte[] junk = new byte[16 * 1024];
        for (int i = 0; i < 64; i++) { // bounded: 1 MiB after the bad frame
            ws.send(Frame.binary(junk));
        }
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /** Unmasked client frames are a protocol error too (RFC 6455 5.1), answered the same way. */
    @Test
    void unmaskedFrameFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request("bare")).unmasked());
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {3, 4, 5, 6, 7})
    void reservedNonControlOpcodeFailsTheConnectionWith1002(int opcode) {
        RawWebSocket ws = server.connect().send(Frame.of(opcode, "reserved".getBytes(StandardCharsets.UTF_8)));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {11, 12, 13, 14, 15})
    void reservedControlOpcodeFailsTheConnectionWith1002(int opcode) {
        RawWebSocket ws = server.connect().send(Frame.of(opcode, "reserved".getBytes(StandardCharsets.UTF_8)));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /** Autobahn 4.1.2 / 4.2.2: the message before is answered, the bad frame fails the connection. */
    @Test
    void reservedOpcodeFailsTheConnectionAfterEarlierMessagesAreAnswered() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request("before")));
        assertThat(ws).receivesEcho("before");
        ws.send(Frame.of(4, new byte[0]), Frame.ping("after".getBytes(StandardCharsets.UTF_8)));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }
}
