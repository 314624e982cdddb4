package io.kalisocket.internal.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.io.IOException;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on what the server sends next, in the words of RFC 6455 and of the echo controller:
 * {@code assertThat(ws).receivesPong(payload).receivesEcho("hi").staysOpen()}. Every frame read is also
 * checked for what a server frame must be: unmasked, reserved bits clear, control frames final and short.
 */
final class RawWebSocketAssert extends AbstractAssert<RawWebSocketAssert, RawWebSocket> {

    /** The application heartbeat, answered by the server whatever else is going on. */
    static final String HEARTBEAT = "~H#C~";
    static final String HEARTBEAT_REPLY = "~H#S~";

    private RawWebSocketAssert(RawWebSocket actual) {
        super(actual, RawWebSocketAssert.class);
    }

    static RawWebSocketAssert assertThat(RawWebSocket ws) {
        return new RawWebSocketAssert(ws);
    }

    /** The next frame is the echo controller's success reply carrying this data. @param data the data */
    RawWebSocketAssert receivesEcho(String data) {
        JsonNode reply = nextReply();
        Assertions.assertThat(reply.path("ct").asText()).as("ct of %s", reply).isEqualTo("echo");
        Assertions.assertThat(reply.path("ac").asText()).as("ac of %s", reply).isEqualTo("say");
        Assertions.assertThat(reply.path("code").asInt(-1)).as("code of %s", reply).isZero();
        Assertions.assertThat(reply.get("data")).as("data of the reply").isEqualTo(TextNode.valueOf(data));
        return this;
    }

    /** The next frame is a reply with this error code. @param code the expected code */
    RawWebSocketAssert receivesReplyWithCode(int code) {
        JsonNode reply = nextReply();
        Assertions.assertThat(reply.path("code").asInt(-1)).as("code of %s", reply).isEqualTo(code);
        return this;
    }

    /** The next frame is a pong carrying exactly this payload. @param payload the ping's payload */
    RawWebSocketAssert receivesPong(byte[] payload) {
        Frame frame = next();
        Assertions.assertThat(frame.opcode()).as("opcode of %s (a pong)", frame).isEqualTo(Frame.PONG);
        Assertions.assertThat(frame.payload()).as("payload of the pong").isEqualTo(payload);
        return this;
    }

    /** The connection still works: a heartbeat sent now gets the heartbeat reply as the very next frame. */
    RawWebSocketAssert staysOpen() {
        actual.send(Frame.text(HEARTBEAT));
        Frame frame = next();
        Assertions.assertThat(frame.opcode()).as("opcode of %s (the heartbeat reply)", frame).isEqualTo(Frame.TEXT);
        Assertions.assertThat(frame.text()).as("the heartbeat reply").isEqualTo(HEARTBEAT_REPLY);
        return this;
    }

    /**
     * The next frame is a close frame with this status code, then the server ends the TCP connection and
     * sends no data frame before that (5.5.1). Whether a second close frame may follow is checked apart, by
     * {@link #sendsNothingMoreAndEnds()}.
     *
     * @param code the expected status code
     * @return this
     */
    RawWebSocketAssert closesWith(int code) {
        return sendsCloseWith(code).endsWithoutDataFrames();
    }

    /** The next frame is a close frame with this status code. @param code the code @return this */
    RawWebSocketAssert sendsCloseWith(int code) {
        Frame frame = nextClose();
        Assertions.assertThat(frame.closeCode()).as("status code of %s", frame).isEqualTo(code);
        return this;
    }

    /**
     * The server fails the connection (7.1.7): it sends a close frame with this status code, or, as that is
     * only a SHOULD, ends the TCP connection without one; either way it sends no data frame first.
     *
     * @param code the expected status code, if a close frame comes
     * @return this
     */
    RawWebSocketAssert isFailedWith(int code) {
        isNotNull();
        assertFailedWith(actual.awaitEnd(), code);
        return this;
    }

    /**
     * What {@link #isFailedWith(int)} checks, on frames already read up to the end of the connection.
     *
     * @param frames every frame the server sent before ending the connection
     * @param code the expected status code, if a close frame came
     */
    static void assertFailedWith(List<Frame> frames, int code) {
        if (!frames.isEmpty()) {
            Frame first = frames.get(0);
            Assertions.assertThat(first.opcode()).as("opcode of %s (a close)", first).isEqualTo(Frame.CLOSE);
            Assertions.assertThat(first.closeCode()).as("status code of %s", first).isEqualTo(code);
        }
    }

    /** The next frame is a close frame without a body, then the TCP connection ends. @return this */
    RawWebSocketAssert closesWithoutStatusCode() {
        Frame frame = nextClose();
        Assertions.assertThat(frame.payload()).as("body of %s", frame).isEmpty();
        return endsWithoutDataFrames();
    }

    private Frame nextClose() {
        Frame frame = next();
        Assertions.assertThat(frame.opcode()).as("opcode of %s (a close)", frame).isEqualTo(Frame.CLOSE);
        return frame;
    }

    /** The server ends the TCP connection without sending any frame, a second close frame included. */
    void sendsNothingMoreAndEnds() {
        Assertions.assertThat(actual.awaitEnd()).as("frames after the close frame").isEmpty();
    }

    private RawWebSocketAssert endsWithoutDataFrames() {
        Assertions.assertThat(actual.awaitEnd()).as("frames after the close frame")
                .noneMatch(f -> f.opcode() == Frame.TEXT || f.opcode() == Frame.BINARY
                        || f.opcode() == Frame.CONTINUATION);
        return this;
    }

    /** @return the next frame, checked for what RFC 6455 requires of every server frame */
    Frame next() {
        isNotNull();
        Frame frame = actual.receive();
        Assertions.assertThat(frame.masked()).as("%s is masked; a server must not mask (5.1)", frame).isFalse();
        Assertions.assertThat(frame.rsv()).as("reserved bits of %s (5.2)", frame).isZero();
        if (frame.isControl()) {
            Assertions.assertThat(frame.fin()).as("%s is fragmented (5.5)", frame).isTrue();
            Assertions.assertThat(frame.payload().length).as("payload of %s (5.5)", frame).isLessThanOrEqualTo(125);
        }
        return frame;
    }

    private JsonNode nextReply() {
        Frame frame = next();
        Assertions.assertThat(frame.opcode()).as("opcode of %s (a reply)", frame).isEqualTo(Frame.TEXT);
        Assertions.assertThat(frame.fin()).as("%s is final", frame).isTrue();
        try {
            return Echo.JSON.readTree(frame.payload());
        } catch (IOException e) {
            throw new AssertionError("the reply is not JSON: " + frame, e);
        }
    }
}
