package io.kalisocket.internal.server.conformance;

import static io.kalisocket.internal.server.conformance.RawWebSocketAssert.assertThat;

import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Autobahn category 5, fragmentation (RFC 6455 5.4): a message may come in fragments, control frames may
 * come between them, and a continuation must continue something.
 */
class FragmentationTest {

    @RegisterExtension
    static final ConformanceServer server = ConformanceServer.echo();

    @Test
    void textMessageInTwoFragmentsIsAnsweredAsOneMessage() {
        String call = Echo.request("fragmented");
        RawWebSocket ws = server.connect()
                .send(Frame.text(call.substring(0, 10)).notFinal(), Frame.continuation(call.substring(10)));
        assertThat(ws).receivesEcho("fragmented").staysOpen();
    }

    @Test
    void textMessageInOneFragmentPerByteIsAnsweredAsOneMessage() {
        String call = Echo.request("one byte per fragment");
        RawWebSocket ws = server.connect().send(Frame.text(call.substring(0, 1)).notFinal());
        for (int i = 1; i < call.length() - 1; i++) {
            ws.send(Frame.continuation(call.substring(i, i + 1)).notFinal());
        }
        ws.send(Frame.continuation(call.substring(call.length() - 1)));
        assertThat(ws).receivesEcho("one byte per fragment").staysOpen();
    }

    /** Autobahn 6.1.2 and 6.1.3: empty fragments are fragments like any other. */
    @Test
    void emptyFragmentsAroundTheMessageAreAccepted() {
        String call = Echo.request("between empties");
        RawWebSocket ws = server.connect()
                .send(Frame.text("").notFinal(), Frame.continuation(call).notFinal(), Frame.continuation(""));
        assertThat(ws).receivesEcho("between empties").staysOpen();
    }

    @Test
    void fragmentedBinaryMessageGetsOne400Reply() {
        RawWebSocket ws = server.connect()
                .send(Frame.binary(new byte[] {1, 2}).notFinal(), Frame.continuation(new byte[] {3, 4}));
        assertThat(ws).receivesReplyWithCode(400).staysOpen();
    }

    /** 5.4: "An endpoint MUST be capable of handling control frames in the middle of a fragmented message." */
    @Test
    void pingBetweenFragmentsIsAnsweredAtOnceAndTheMessageAfterTheLastFragment() {
        String call = Echo.request("interleaved");
        byte[] payload = "in the middle".getBytes(StandardCharsets.UTF_8);
        RawWebSocket ws = server.connect()
                .send(Frame.text(call.substring(0, 10)).notFinal(), Frame.ping(payload));
        assertThat(ws).receivesPong(payload);
        ws.send(Frame.continuation(call.substring(10)));
        assertThat(ws).receivesEcho("interleaved").staysOpen();
    }

    @Test
    void pingsBetweenEveryFragmentAreEachAnsweredAndTheMessageIsAnsweredOnce() {
        String call = Echo.request("many pings");
        RawWebSocket ws = server.connect().send(Frame.text(call.substring(0, 5)).notFinal());
        int fragments = 0;
        for (int from = 5; from < call.length(); from += 5, fragments++) {
            Frame fragment = Frame.continuation(call.substring(from, Math.min(call.length(), from + 5)));
            ws.send(Frame.ping(("ping " + fragments).getBytes(StandardCharsets.UTF_8)),
                    from + 5 < call.length() ? fragment.notFinal() : fragment);
        }
        for (int i = 0; i < fragments; i++) {
            assertThat(ws).receivesPong(("ping " + i).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ws).receivesEcho("many pings").staysOpen();
    }

    @Test
    void fragmentsAndPingWrittenOneByteAtATimeAreAnswered() {
        String call = Echo.request("chopped fragments");
        byte[] payload = "chopped ping".getBytes(StandardCharsets.UTF_8);
        RawWebSocket ws = server.connect()
                .sendInChunks(Frame.text(call.substring(0, 8)).notFinal(), 1)
                .sendInChunks(Frame.ping(payload), 1)
                .sendInChunks(Frame.continuation(call.substring(8)), 1);
        assertThat(ws).receivesPong(payload).receivesEcho("chopped fragments").staysOpen();
    }

    /** Autobahn 5.15 and 5.19/5.20: a fragmented message, then a whole one, then another fragmented one. */
    @Test
    void messagesAfterAFragmentedMessageAreAnsweredInOrder() {
        String first = Echo.request("first, fragmented");
        String third = Echo.request("third, fragmented");
        RawWebSocket ws = server.connect()
                .send(Frame.text(first.substring(0, 7)).notFinal(), Frame.continuation(first.substring(7)))
                .send(Frame.text(Echo.request("second, whole")))
                .send(Frame.text(third.substring(0, 20)).notFinal(), Frame.continuation(third.substring(20)));
        assertThat(ws).receivesEcho("first, fragmented").receivesEcho("second, whole")
                .receivesEcho("third, fragmented").staysOpen();
    }

    /** 5.4 allows a close between fragments; the server answers it and the half message is dropped. */
    @Test
    void closeBetweenFragmentsIsAnsweredAndEndsTheConnection() {
        RawWebSocket ws = server.connect()
                .send(Frame.text(Echo.request("never finished")).notFinal(), Frame.close(1000));
        assertThat(ws).closesWith(1000);
    }

    @Test
    void continuationWithoutAStartFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect().send(Frame.continuation(Echo.request("orphan")));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void nonFinalContinuationWithoutAStartFailsTheConnectionWith1002() {
        String call = Echo.request("orphan");
        RawWebSocket ws = server.connect()
                .send(Frame.continuation(call.substring(0, 5)).notFinal(), Frame.text(call.substring(5)));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void continuationAfterACompletedMessageFailsTheConnectionWith1002() {
        String call = Echo.request("complete");
        RawWebSocket ws = server.connect()
                .send(Frame.text(call.substring(0, 5)).notFinal(), Frame.continuation(call.substring(5)));
        assertThat(ws).receivesEcho("complete");
        ws.send(Frame.continuation(Echo.request("one too many")));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    /** 5.4: a fragmented message's frames all follow its start, with only control frames between them. */
    @Test
    void newTextMessageWhileAFragmentedMessageIsOpenFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect()
                .send(Frame.text("{\"ct\":\"echo\",").notFinal(), Frame.text(Echo.request("interloper")));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void secondTextStartWhileAFragmentedMessageIsOpenFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect()
                .send(Frame.text("{\"ct\":").notFinal(), Frame.text("\"echo\"").notFinal());
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }

    @Test
    void binaryFrameWhileAFragmentedTextMessageIsOpenFailsTheConnectionWith1002() {
        RawWebSocket ws = server.connect()
                .send(Frame.text("{\"ct\":").notFinal(), Frame.binary(new byte[] {1, 2, 3}));
        assertThat(ws).closesWith(Frame.PROTOCOL_ERROR);
    }
}
