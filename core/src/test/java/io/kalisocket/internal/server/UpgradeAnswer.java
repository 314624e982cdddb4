package io.kalisocket.internal.server;

import io.kalisocket.testing.RawWebSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole HTTP answer to one request, read from a plain socket until the server closes it or the body is complete:
 * what a refused upgrade gets (the JDK's WebSocket client keeps only the status). Also sends plain GETs with any
 * path and query as written.
 *
 * @param status the HTTP status
 * @param headers the answer's headers, names in lower case
 * @param body the body, as UTF-8 text
 */
record UpgradeAnswer(int status, Map<String, String> headers, String body) {

    /** @return the answer to a WebSocket upgrade of {@code target} (path and query) with extra headers */
    static UpgradeAnswer upgrade(int port, String target, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return exchange(port, request.append("\r\n").toString());
    }

    /** @return the answer to a plain GET of {@code target}, asking the server to close after it */
    static UpgradeAnswer get(int port, String target) {
        return exchange(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
    }

    /** @return the header's value, if the answer has it */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** @return the answer to a request written as it is (request line, headers and the blank line) */
    static UpgradeAnswer exchange(int port, String request) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(RawWebSocket.READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress("127.0.0.1", port), RawWebSocket.READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from port " + port, e);
        }
    }

    private static UpgradeAnswer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int headEnd;
        while ((headEnd = received.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n")) < 0) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("the connection ended in the answer's head: " + received);
            }
            received.write(chunk, 0, n);
        }
        byte[] all = received.toByteArray();
        String[] lines = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        int length = status == 101 || status == 204 ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(all, headEnd + 4, Math.min(length, all.length - headEnd - 4));
        body.write(in.readNBytes(length - body.size()));
        return new UpgradeAnswer(status, headers, body.toString(StandardCharsets.UTF_8));
    }
}
