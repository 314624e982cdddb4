package io.kalisocket.internal.server.conformance;

import static io.kalisocket.internal.server.conformance.RawWebSocketAssert.assertThat;

import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn category 9, limits and performance, bounded to the server's message limit and checked for
 * answers only (no timings): large messages whole, in fragments and in small writes; many messages in a
 * row; and RFC 6455 7.4.1's 1009 for a message over the limit. The server runs on a fake clock: the close
 * handshake's timeout passes when a test advances it.
 */
class LimitsTest {

    /** How long the server waits for the client to answer its close frame. */
    private static final Duration CLOSE_HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);

    static final FakeClock clock = new FakeClock();

    /**
     * Neither the rate limit nor the slow-consumer policy is under test here: a burst of 200 calls must all
     * reach the controller, and their 3 MiB of replies may wait for a client that reads while it writes.
     */
    @RegisterExtension
    static final ConformanceServer server = ConformanceServer.echo(Map.of(
            "limits.messages-per-second", "10000",
            "limits.message-burst", "10000",
            "limits.outbound-high-water-mark", String.valueOf(8 << 20),
            "limits.outbound-low-water-mark", String.valueOf(4 << 20))).on(clock);

    private static final int LIMIT = ConformanceServer.MAX_MESSAGE_BYTES;

    /** Autobahn 9.3/9.4: the message at the limit, in fragments of 64 bytes to 16 KiB. */
    @ParameterizedTest(name = "{0}-byte fragments")
    @ValueSource(ints = {64, 256, 1_024, 4_096, 16_384})
    void messageOfExactlyTheLimitInFragmentsIsAnswered(int fragmentBytes) {
        String call = Echo.requestOfSize(LIMIT);
        RawWebSocket ws = server.connect();
        for (int from = 0; from < call.length(); from += fragmentBytes) {
            int to = Math.min(call.length(), from + fragmentBytes);
            Frame fragment = from == 0 ? Frame.text(call.substring(from, to)) : Frame.continuation(call.substring(from, to));
            ws.send(to < call.length() ? fragment.notFinal() : fragment);
        }
        assertThat(ws).receivesEcho(Echo.dataOf(call)).staysOpen();
    }

    /** Autobahn 9.5/9.6: one frame at the limit, written in pieces of a few bytes to 16 KiB. */
    @ParameterizedTest(name = "{0}-byte writes")
    @ValueSource(ints = {64, 1_024, 16_384})
    void messageOfExactlyTheLimitWrittenInPiecesIsAnswered(int writeBytes) {
        String call = Echo.requestOfSize(LIMIT);
        RawWebSocket ws = server.connect().sendInChunks(Frame.text(call), writeBytes);
        assertThat(ws).receivesEcho(Echo.dataOf(call)).staysOpen();
    }

    /** Autobahn 9.7/9.8, bounded: 200 calls of 16 KiB sent back to back are all answered, in order. */
    @Test
    void twoHundredMessagesOf16KibSentBackToBackAreAllAnsweredInOrder() {
        int count = 200;
        String padding = "x".repeat(16 * 1024);
        RawWebSocket ws = server.connect();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                ws.send(Frame.text(Echo.request(i + ":" + padding)));
            }
        });
        for (int i = 0; i < count; i++) {
            assertThat(ws).receivesEcho(i + ":" + padding);
        }
        sending.join();
        assertThat(ws).staysOpen();
    }

    @Test
    void oneFrameOneByteOverTheLimitClosesTheConnectionWith1009() {
        RawWebSocket ws = server.connect().send(Frame.text(Echo.requestOfSize(LIMIT + 1)));
        assertThat(ws).closesWith(Frame.MESSAGE_TOO_BIG);
    }

    /** The header alone announces too much: the server need not wait for a payload it will refuse. */
    @Test
    void frameHeaderAnnouncingATerabyteClosesTheConnectionWith1009() {
        byte[] header = {(byte) 0x81, (byte) (0x80 | 127), 0, 0, 1, 0, 0, 0, 0, 0, 1, 2, 3, 4};
        RawWebSocket ws = server.connect().sendBytes(header);
        assertThat(ws).closesWith(Frame.MESSAGE_TOO_BIG);
    }

    @Test
    void fragmentedMessageOneByteOverTheLimitClosesTheConnectionWith1009() {
        RawWebSocket ws = sendTwoFragmentsOneByteOverTheLimit();
        assertThat(ws).sendsCloseWith(Frame.MESSAGE_TOO_BIG);
    }

    /** 7.1.2/7.1.3: the server started the closing handshake; the client's answer completes it. */
    @Test
    void afterClosingWith1009TheServerEndsTheConnectionWhenTheClientAnswersWithoutClosingAgain() {
        RawWebSocket ws = sendTwoFragmentsOneByteOverTheLimit();
        assertThat(ws).sendsCloseWith(Frame.MESSAGE_TOO_BIG);
        ws.send(Frame.close(Frame.MESSAGE_TOO_BIG));
        assertThat(ws).sendsNothingMoreAndEnds();
    }

    /** A client that never answers the server's close must not hold the connection open for ever: 3 s at most. */
    @Test
    void afterClosingWith1009TheServerEndsTheConnectionEvenIfTheClientNeverAnswers() {
        RawWebSocket ws = sendTwoFragmentsOneByteOverTheLimit();
        assertThat(ws).sendsCloseWith(Frame.MESSAGE_TOO_BIG);
        clock.advance(CLOSE_HANDSHAKE_TIMEOUT);
        assertThat(ws).sendsNothingMoreAndEnds();
    }

    private static RawWebSocket sendTwoFragmentsOneByteOverTheLimit() {
        String call = Echo.requestOfSize(LIMIT + 1);
        int half = call.length() / 2;
        return server.connect()
                .send(Frame.text(call.substring(0, half)).notFinal(), Frame.continuation(call.substring(half)));
    }
}
