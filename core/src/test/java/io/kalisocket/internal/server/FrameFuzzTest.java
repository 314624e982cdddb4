package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Fuzz target: the frame path. After a real upgrade a client sends any bytes (frames of any FIN, RSV bits, opcode,
 * mask, length form and payload, or no frames at all): the server never hangs, keeps serving a client connected
 * before, forgets the connection, and logs nothing at ERROR. Netty's leak detector runs at PARANOID under the build,
 * so an input that leaks a buffer fails the run as well. What the server must answer is read from the bytes:
 * <ul>
 *   <li>a first frame header that already breaks RFC 6455 5.2 (reserved opcode, RSV bits without an extension, no
 *       mask, a continuation or control frame where none may be, a length not in its shortest form) is answered
 *       1002 with a close frame, whatever follows it, although the client may still be writing;</li>
 *   <li>a first header announcing more than the server takes (4,096 bytes here) is answered 1009 the same way;</li>
 *   <li>whole frames are followed by the client's close frame, so the connection must end with a close frame from
 *       the server (RFC 6455 7.1.7), whether the frames were judged as an error or the close was answered;</li>
 *   <li>bytes that end inside a frame are followed by the client going away: the server must forget it.</li>
 * </ul>
 * Jazzer mutates the seeds in {@code FrameFuzzTestInputs/anyBytesAfterTheUpgrade_endWithACloseOrAreForgotten/}:
 * readable frames (the masking key is zero, so the payload is plain text), one per kind of frame and violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one server for all inputs: a fuzzer sends thousands
class FrameFuzzTest {

    private static final int MAX_MESSAGE_BYTES = 4096;

    private final FuzzedServer server = new FuzzedServer("limits.max-message-bytes", String.valueOf(MAX_MESSAGE_BYTES));

    @AfterAll
    void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "15s")
    void anyBytesAfterTheUpgrade_endWithACloseOrAreForgotten(byte[] bytes) {
        OptionalInt judgedAtOnce = verdictOnFirstHeader(ByteBuffer.wrap(bytes));
        boolean wholeFrames = judgedAtOnce.isEmpty() && areWholeFrames(ByteBuffer.wrap(bytes));
        try (SilentCloseable loopback = FuzzedServer.loopbackAllowed();
                RawWebSocket ws = RawWebSocket.connect(server.port())) {
            try {
                ws.sendBytes(bytes);
                if (wholeFrames) {
                    ws.send(Frame.close(1000));
                }
            } catch (UncheckedIOException closedWhileWriting) {
                // the server judged the bytes and closed before all were written: the end below is what counts
            }
            if (judgedAtOnce.isPresent()) {
                int code = judgedAtOnce.getAsInt();
                assertThat(ws.awaitEnd()).as("frames from the server before it closed")
                        .anyMatch(f -> f.opcode() == Frame.CLOSE && f.closeCode() == code);
            } else if (wholeFrames) {
                List<Frame> answers = ws.awaitEnd(); // an AssertionError if still open after the read timeout
                assertThat(answers).as("frames from the server before it closed")
                        .anyMatch(f -> f.opcode() == Frame.CLOSE);
            }
        }
        server.assertKeepsServing();
    }

    /**
     * Judges the first frame's header as RFC 6455 5.2 and the server's limit require, from the bytes alone.
     *
     * @return 1002 or 1009 when the header decides the close code, empty when it does not or is incomplete
     */
    private static OptionalInt verdictOnFirstHeader(ByteBuffer in) {
        if (in.remaining() < 2) {
            return OptionalInt.empty();
        }
        int b0 = in.get() & 0xFF;
        int b1 = in.get() & 0xFF;
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        int length7 = b1 & 0x7F;
        boolean control = opcode >= 8;
        boolean broken = (b0 & 0x70) != 0 // RSV bits, and no extension is negotiated
                || (b1 & 0x80) == 0 // a client's frames must be masked
                || (control && (!fin || length7 > 125 || opcode > Frame.PONG
                        || (opcode == Frame.CLOSE && length7 == 1))) // fragmented, too long, reserved, a 1-byte close
                || (!control && opcode != Frame.TEXT && opcode != Frame.BINARY); // reserved, or nothing to continue
        if (broken) {
            return OptionalInt.of(Frame.PROTOCOL_ERROR);
        }
        long length;
        if (length7 == 126) {
            if (in.remaining() < 2) {
                return OptionalInt.empty();
            }
            length = in.getShort() & 0xFFFF;
            if (length < 126) {
                return OptionalInt.of(Frame.PROTOCOL_ERROR);
            }
        } else if (length7 == 127) {
            if (in.remaining() < 8) {
                return OptionalInt.empty();
            }
            length = in.getLong();
            if (length < 65_536) { // negative included
                return OptionalInt.of(Frame.PROTOCOL_ERROR);
            }
        } else {
            length = length7;
        }
        return length > MAX_MESSAGE_BYTES ? OptionalInt.of(Frame.MESSAGE_TOO_BIG) : OptionalInt.empty();
    }

    /** @return whether the bytes are a sequence of whole frames (none included), read by their lengths alone */
    private static boolean areWholeFrames(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (in.remaining() < 2) {
                return false;
            }
            in.get();
            int b1 = in.get() & 0xFF;
            long length = b1 & 0x7F;
            int lengthBytes = length == 126 ? 2 : length == 127 ? 8 : 0;
            if (in.remaining() < lengthBytes) {
                return false;
            }
            length = lengthBytes == 2 ? in.getShort() & 0xFFFF : lengthBytes == 8 ? in.getLong() : length;
            long rest = ((b1 & 0x80) != 0 ? 4 : 0) + length;
            if (length < 0 || rest > in.remaining()) {
                return false;
            }
            in.position(in.position() + (int) rest);
        }
        return true;
    }
}
