package io.kalisocket.internal.server.conformance;

import static io.kalisocket.internal.server.conformance.RawWebSocketAssert.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn category 7, the closing handshake (RFC 6455 5.5.1, 7.1 and 7.4): a client's close is answered
 * with a close and the server then ends the TCP connection; a malformed close fails the connection.
 */
class CloseHandshakeTest {

    @RegisterExtension
    static final ConformanceServer server = ConformanceServer.echo();

    @Test
    void closeWithoutBodyIsAnsweredWithACloseWithoutStatusCode() {
        RawWebSocket ws = server.connect().send(Frame.close());
        assertThat(ws).closesWithoutStatusCode();
    }

    @Test
    void close1000IsAnsweredWithClose1000() {
        RawWebSocket ws = server.connect().send(Frame.close(1000));
        assertThat(ws).closesWith(1000);
    }

    @Test
    void close1000WithAReasonIsAnsweredWithClose1000() {
        RawWebSocket ws = server.connect().send(Frame.close(1000, "going home, κόσμε"));
        assertThat(ws).closesWith(1000);
    }

    /** 5.5: a control payload holds at most 125 bytes, so a reason at most 123. */
    @Test
    void closeWithThe123ByteReasonOfAFullControlFrameIsAnswered() {
        RawWebSocket ws = server.connect().send(Frame.close(1000, "*".repeat(123)));
        assertThat(ws).closesWith(1000);
    }

    @Test
    void closeWithA124ByteReasonFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.close(1000, "*".repeat(124)));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /** 5.5.1: a body, if any, starts with a 2-byte status code; one byte cannot be one. */
    @Test
    void closeWithAOneByteBodyFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.of(Frame.CLOSE, new byte[] {0x03}));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /** 7.1.6: the reason is UTF-8; Autobahn 7.5.1 accepts 1007 or a dropped connection. */
    @Test
    void closeWithAReasonThatIsNotUtf8FailsTheConnectionWith1007() {
        RawWebSocket ws = server.connect()
                .send(Frame.close(1000, new byte[] {'b', 'a', 'd', (byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        assertThat(ws).isFailedWith(Frame.INVALID_PAYLOAD);
    }

    /** The codes 7.4.1 defines for use in a close frame, the registered ones, and the 3000-4999 ranges. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
    void closeWithAValidStatusCodeIsAnsweredWithTheSameCode(int code) {
        RawWebSocket ws = server.connect().send(Frame.close(code, "valid"));
        assertThat(ws).closesWith(code);
    }

    /**
     * 7.4.1/7.4.2: 0-999 are not used; 1004 is reserved; 1005, 1006 and 1015 "MUST NOT be set as a status code
     * in a Close control frame by an endpoint"; 1016-2999 are reserved for future versions of the protocol.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999})
    void closeWithAnInvalidStatusCodeFailsTheConnectionWith1002(int code) {
        RawWebSocket ws = server.connect().send(Frame.close(code, "invalid"));
        assertThat(ws).isFailedWith(Frame.PROTOCOL_ERROR);
    }

    /**
     * RFC 6455 defines no code above 4999 (7.4.2 stops there; Autobahn 7.13.x): the stricter answer, 1002, as for
     * the undefined codes below 5000 (Netty's decoder lets these through; the closing-handshake stage refuses them).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {5000, 65535})
    void closeWithAStatusCodeAbove4999FailsTheConnectionWith1002(int code) {
        long violations = server.stats().snapshot().get("protocol_violations");
        RawWebSocket ws = server.connect().send(Frame.close(code, "undefined"));
        RawWebSocketAssert.assertFailedWith(ws.awaitEnd(), Frame.PROTOCOL_ERROR);
        await().untilAsserted(() -> Assertions.assertThat(server.stats().snapshot().get("protocol_violations"))
                .isEqualTo(violations + 1)); // counted as the decoder's refusals are
    }

    /** Autobahn 7.1.3/7.1.4: after the close handshake starts, data frames are no longer answered. */
    @Test
    void messageAfterTheClientsCloseIsNotAnswered() {
        RawWebSocket ws = server.connect().send(Frame.close(1000));
        try {
            ws.send(Frame.text(Echo.request("too late")), Frame.ping("too late".getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.UncheckedIOException alreadyClosed) {
            // The server may end the connection as soon as it answered the close: also a pass.
        }
        assertThat(ws).closesWith(1000);
    }

    /** Autobahn 7.1.2: a second close is not answered a second time. */
    @Test
    void secondCloseFromTheClientIsNotAnswered() {
        RawWebSocket ws = server.connect().send(Frame.close(1000), Frame.close(1001));
        assertThat(ws).sendsCloseWith(1000).sendsNothingMoreAndEnds();
    }

    /** Autobahn 7.1.5: a message answered before the close still arrives, then the close. */
    @Test
    void messageBeforeTheCloseIsAnsweredBeforeTheCloseEcho() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request("last words")));
        assertThat(ws).receivesEcho("last words");
        ws.send(Frame.close(1000));
        assertThat(ws).closesWith(1000);
    }

    /** 5.5.1: the server sends exactly one close frame, then ends the TCP connection. */
    @Test
    void serverSendsExactlyOneCloseFrameWhenItAnswersAClose() {
        RawWebSocket ws = server.connect().send(Frame.close(1000));
        assertThat(ws).sendsCloseWith(1000).sendsNothingMoreAndEnds();
    }

    /**
     * 7.1.7: to fail the connection the server "MUST Close the WebSocket Connection" after sending one close
     * frame; a second close with another code (1000, "Bye") contradicts the first.
     */
    @Test
    void serverSendsExactlyOneCloseFrameWhenItFailsTheConnection() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.request("bare")).unmasked());
        assertThat(ws).sendsCloseWith(Frame.PROTOCOL_ERROR).sendsNothingMoreAndEnds();
    }

    @Test
    void serverSendsExactlyOneCloseFrameWhenItFailsTheConnectionForInvalidUtf8() {
        RawWebSocket ws = server.connect().send(Frame.text(new byte[] {(byte) 0xC0, (byte) 0xAF}));
        assertThat(ws).sendsCloseWith(Frame.INVALID_PAYLOAD).sendsNothingMoreAndEnds();
    }
}
