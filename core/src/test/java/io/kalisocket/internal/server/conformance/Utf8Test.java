package io.kalisocket.internal.server.conformance;

import static io.kalisocket.internal.server.conformance.RawWebSocketAssert.assertThat;

import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn category 6, UTF-8 handling. RFC 6455 8.1: text must be valid UTF-8, and an endpoint that finds
 * otherwise "MUST Fail the WebSocket Connection" (7.4.1: status 1007), however the bytes are fragmented.
 */
class Utf8Test {

    @RegisterExtension
    static final ConformanceServer server = ConformanceServer.echo();

    /** Autobahn's "κόσμε" plus a 4-byte code point (U+1D11E) and the largest one (U+10FFFF). */
    private static final String MULTIBYTE = "κόσμε \uD834\uDD1E \uDBFF\uDFFF \u00e9\u20ac";

    /** A call up to the opening quote of its data. */
    private static final byte[] CALL_START = "{\"ct\":\"echo\",\"ac\":\"say\",\"data\":\"".getBytes(StandardCharsets.UTF_8);

    @Test
    void validMultibyteTextIsAnsweredUnchanged() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request(MULTIBYTE)));
        assertThat(ws).receivesEcho(MULTIBYTE).staysOpen();
    }

    @Test
    void validMultibyteTextInOneFragmentPerByteIsAnsweredUnchanged() {
        byte[] call = Echo.request(MULTIBYTE).getBytes(StandardCharsets.UTF_8);
        RawWebSocket ws = server.connect().send(Frame.text(new byte[] {call[0]}).notFinal());
        for (int i = 1; i < call.length - 1; i++) {
            ws.send(Frame.continuation(new byte[] {call[i]}).notFinal());
        }
        ws.send(Frame.continuation(new byte[] {call[call.length - 1]}));
        assertThat(ws).receivesEcho(MULTIBYTE).staysOpen();
    }

    /** U+1D11E is F0 9D 84 9E: the fragment boundary falls after 1, 2 or 3 of its 4 bytes. */
    @ParameterizedTest(name = "split after byte {0}")
    @ValueSource(ints = {1, 2, 3})
    void codePointSplitAcrossFragmentsIsAnsweredUnchanged(int split) {
        byte[] call = Echo.request("clef \uD834\uDD1E").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(call, (byte) 0xF0) + split;
        RawWebSocket ws = server.connect().send(
                Frame.text(Arrays.copyOfRange(call, 0, at)).notFinal(),
                Frame.continuation(Arrays.copyOfRange(call, at, call.length)));
        assertThat(ws).receivesEcho("clef \uD834\uDD1E").staysOpen();
    }

    static Stream<Arguments> invalidSequences() {
        return Stream.of(
                Arguments.of("lone continuation byte", "80"),
                Arguments.of("overlong '/' in 2 bytes", "c0af"),
                Arguments.of("overlong NUL in 2 bytes", "c080"),
                Arguments.of("overlong '/' in 3 bytes", "e080af"),
                Arguments.of("overlong '/' in 4 bytes", "f08080af"),
                Arguments.of("UTF-16 high surrogate U+D800", "eda080"),
                Arguments.of("UTF-16 low surrogate U+DFFF", "edbfbf"),
                Arguments.of("above U+10FFFF", "f4908080"),
                Arguments.of("byte FE", "fe"),
                Arguments.of("byte FF", "ff"),
                Arguments.of("5-byte form", "f888808080"),
                Arguments.of("2-byte start then ASCII", "ce41"),
                Arguments.of("4-byte sequence cut after 3 bytes", "f09d84"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSequences")
    void invalidUtf8InATextMessageFailsTheConnectionWith1007(String what, String hex) {
        RawWebSocket ws = server.connect().send(Frame.text(callWith(HexFormat.of().parseHex(hex))));
        assertThat(ws).closesWith(Frame.INVALID_PAYLOAD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSequences")
    void invalidUtf8InTheLastFragmentFailsTheConnectionWith1007(String what, String hex) {
        byte[] call = callWith(HexFormat.of().parseHex(hex));
        RawWebSocket ws = server.connect().send(
                Frame.text(Arrays.copyOfRange(call, 0, 10)).notFinal(),
                Frame.continuation(Arrays.copyOfRange(call, 10, call.length)));
        assertThat(ws).closesWith(Frame.INVALID_PAYLOAD);
    }

    /** Autobahn 6.4: the fragment that holds the bad byte is enough; the server need not wait for the end. */
    @Test
    void invalidUtf8InAFirstFragmentFailsTheConnectionBeforeTheMessageEnds() {
        byte[] start = callWith(HexFormat.of().parseHex("eda080"));
        RawWebSocket ws = server.connect().send(Frame.text(start).notFinal());
        assertThat(ws).closesWith(Frame.INVALID_PAYLOAD);
    }

    @Test
    void invalidSequenceSplitAcrossFragmentsFailsTheConnectionWith1007() {
        // ED A0 80 (a surrogate) with ED at the end of the first fragment and A0 80 opening the second.
        RawWebSocket ws = server.connect().send(
                Frame.text(concat(CALL_START, new byte[] {(byte) 0xED})).notFinal(),
                Frame.continuation(new byte[] {(byte) 0xA0, (byte) 0x80}).notFinal(),
                Frame.continuation("\"}"));
        assertThat(ws).closesWith(Frame.INVALID_PAYLOAD);
    }

    @Test
    void codePointLeftIncompleteByTheLastFragmentFailsTheConnectionWith1007() {
        RawWebSocket ws = server.connect().send(
                Frame.text(concat(CALL_START, new byte[] {(byte) 0xF0, (byte) 0x9D})).notFinal(),
                Frame.continuation(new byte[0]));
        assertThat(ws).closesWith(Frame.INVALID_PAYLOAD);
    }

    @Test
    void validMessageBeforeAnInvalidOneIsAnsweredFirst() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request(MULTIBYTE)));
        assertThat(ws).receivesEcho(MULTIBYTE);
        ws.send(Frame.text(callWith(new byte[] {(byte) 0xC0, (byte) 0xAF})));
        assertThat(ws).closesWith(Frame.INVALID_PAYLOAD);
    }

    /** Binary messages carry any bytes: only text is checked for UTF-8. */
    @Test
    void invalidUtf8InABinaryMessageIsNotAUtf8Error() {
        RawWebSocket ws = server.connect().send(Frame.binary(new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF}));
        assertThat(ws).receivesReplyWithCode(400).staysOpen();
    }

    /** A call whose data string holds the given bytes, sent as they are. */
    private static byte[] callWith(byte[] bytes) {
        return concat(concat(CALL_START, bytes), "\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("no byte " + b);
    }
}
