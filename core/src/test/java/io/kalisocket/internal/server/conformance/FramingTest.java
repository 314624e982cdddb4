package io.kalisocket.internal.server.conformance;

import static io.kalisocket.internal.server.conformance.RawWebSocketAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Autobahn category 1, framing: text and binary messages of every length encoding (RFC 6455 5.2). */
class FramingTest {

    @RegisterExtension
    static final ConformanceServer server = ConformanceServer.echo();

    @Test
    void smallTextMessageIsAnswered() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request("hello")));
        assertThat(ws).receivesEcho("hello").staysOpen();
    }

    @Test
    void emptyTextMessageGetsA400ReplyAndTheConnectionStaysOpen() {
        RawWebSocket ws = server.connect().send(Frame.text(""));
        assertThat(ws).receivesReplyWithCode(400).staysOpen();
    }

    /** 125 is the largest 7-bit length; 126 and 65,535 take the 16-bit form; 65,536 the 64-bit form. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {125, 126, 127, 65_535, ConformanceServer.MAX_MESSAGE_BYTES})
    void textMessageIsAnsweredAtEachLengthEncodingBoundary(int bytes) {
        String call = Echo.requestOfSize(bytes);
        RawWebSocket ws = server.connect().send(Frame.text(call));
        assertThat(ws).receivesEcho(Echo.dataOf(call)).staysOpen();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 125, 126, 65_535, ConformanceServer.MAX_MESSAGE_BYTES})
    void binaryMessageGetsA400ReplyAtEachLengthEncodingBoundary(int bytes) {
        RawWebSocket ws = server.connect().send(Frame.binary(new byte[bytes]));
        assertThat(ws).receivesReplyWithCode(400).staysOpen();
    }

    @Test
    void binaryPayloadOfEveryByteValueIsAcceptedAndAnswered() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        RawWebSocket ws = server.connect().send(Frame.binary(everyByte));
        assertThat(ws).receivesReplyWithCode(400).staysOpen();
    }

    @Test
    void textMessageWrittenOneByteAtATimeIsAnswered() {
        RawWebSocket ws = server.connect().sendInChunks(Frame.text(Echo.request("chopped")), 1);
        assertThat(ws).receivesEcho("chopped").staysOpen();
    }

    @Test
    void manyFramesInOneWriteAreEachAnswered() {
        byte[] first = Frame.text(Echo.request("one")).encode();
        byte[] second = Frame.text(Echo.request("two")).encode();
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        RawWebSocket ws = server.connect().sendBytes(both);
        assertThat(ws).receivesEcho("one").receivesEcho("two");
    }

    @Test
    void repliesLongerThan65535BytesUseTheSixtyFourBitLength() {
        String call = Echo.requestOfSize(ConformanceServer.MAX_MESSAGE_BYTES);
        RawWebSocket ws = server.connect().send(Frame.text(call));
        Frame reply = assertThat(ws).next();
        assertThat(reply.payload().length).isGreaterThan(65_535);
        assertThat(reply.text()).contains(Echo.dataOf(call));
    }

    @Test
    void unmaskedClientFrameFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request("bare")).unmasked());
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void unmaskedPingFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.ping("bare".getBytes(StandardCharsets.UTF_8)).unmasked());
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /** RFC 6455 5.2: "the minimal number of bytes MUST be used to encode the length". */
    @Test
    void lengthInTheSixteenBitFormBelow126FailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().sendBytes(Frame.text(Echo.request("short")).encode(2));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void lengthInTheSixtyFourBitFormBelow65536FailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().sendBytes(Frame.text(Echo.request("short")).encode(8));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /** RFC 6455 5.2: in the 64-bit form "the most significant bit MUST be 0". */
    @Test
    void lengthWithTheMostSignificantBitSetFailsTheConnectionWith1002() {
        byte[] header = {(byte) 0x81, (byte) (0x80 | 127), (byte) 0x80, 0, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4};
        RawWebSocket ws = server.connect().sendBytes(header);
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }
}
