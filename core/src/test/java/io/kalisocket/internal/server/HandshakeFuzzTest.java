package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Fuzz target: the handshake request path. Whatever a client sends before the upgrade, over a real socket, the
 * server answers with an HTTP response or closes the connection (once the client has sent all it will send), keeps
 * serving a WebSocket client connected before, and logs nothing at ERROR.
 *
 * <p>Jazzer mutates the seeds in {@code HandshakeFuzzTestInputs/anyRequestBytes_getAResponseOrAClose/} (valid and
 * refused upgrades, broken methods, targets and versions, CR/LF variants, duplicate and contradictory headers, a
 * 10,000-character target, a 9,000-byte cookie, bodies), steered by coverage of the server and Netty's HTTP codec
 * and by the header tokens below. Every build runs the seeds as regression inputs, then fuzzes for a bounded time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one server for all inputs: a fuzzer sends thousands
class HandshakeFuzzTest {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final FuzzedServer server = new FuzzedServer();

    @AfterAll
    void stop() {
        server.close();
    }

    // No CR or LF among the entries: Jazzer 0.24 writes them into its dictionary file unescaped, which breaks it.
    @DictionaryEntries({"GET ", "POST ", "HEAD ", "OPTIONS ", "CONNECT ", "PRI ", " HTTP/1.1", " HTTP/1.0",
            " HTTP/2.0", "Host: 127.0.0.1", "Upgrade: websocket", "Connection: Upgrade",
            "Connection: keep-alive, Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8", "Sec-WebSocket-Extensions: permessage-deflate",
            "Sec-WebSocket-Protocol: a, b", "Origin: http://evil.example", "Origin: null", "X-Forwarded-For: ",
            "X-Real-IP: ", "Content-Length: ", "Transfer-Encoding: chunked", "Expect: 100-continue",
            "Authorization: Bearer ", "?uid=", "&ct=", "&ac=", "%00", "%2F", "/../", "99999999999999999999"})
    @FuzzTest(maxDuration = "15s")
    void anyRequestBytes_getAResponseOrAClose(byte[] request) throws IOException {
        try (SilentCloseable loopback = FuzzedServer.loopbackAllowed()) {
            assertAnsweredOrClosed(request);
        }
    }

    /** Pins the shape of a valid upgrade, so the seeds are known to reach the WebSocket path. */
    @Test
    void aValidUpgrade_isAnswered101() throws IOException {
        String head = String.join("\r\n", List.of("GET / HTTP/1.1", "Host: 127.0.0.1", "Upgrade: websocket",
                "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
                "", ""));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] status = socket.getInputStream().readNBytes(12);
            assertThat(new String(status, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 101");
        }
    }

    /** Sends the bytes, ends the sending side, and reads to the end: an HTTP response or nothing, not a hang. */
    private void assertAnsweredOrClosed(byte[] request) throws IOException {
        String answer;
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), READ_TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput();
            } catch (SocketException closedEarly) {
                // the server refused and closed while the request was still being written: a close
            }
            answer = readToEnd(socket.getInputStream());
        }
        assertThat(answer).as("the answer to %s", printable(request)).satisfiesAnyOf(
                a -> assertThat(a).isEmpty(),
                a -> assertThat(a).startsWith("HTTP/1."));
        server.assertKeepsServing();
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                answer.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed within " + READ_TIMEOUT_MILLIS
                    + " ms after the request ended; it sent: " + answer.toString(StandardCharsets.ISO_8859_1));
        } catch (SocketException reset) {
            // a reset is a close too
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    private static String printable(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return (text.length() > 300 ? text.substring(0, 300) + "..." : text).replace("\r", "\\r").replace("\n", "\\n");
    }
}
