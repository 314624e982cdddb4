package io.kalisocket.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client made of a plain socket: the HTTP upgrade written by hand, frames encoded by
 * {@link Frame} and decoded here. Every read waits at most {@link #READ_TIMEOUT_MILLIS}, so a server that
 * stays silent fails the test instead of hanging it.
 *
 * <p>Why not {@link TestClient}: the JDK client it runs on only sends well-formed frames and a well-formed
 * upgrade, from an address it picks. This one is for what a well-behaved client never does: frames with
 * reserved bits or opcodes, unmasked or fragmented control frames, bytes split anywhere (the RFC 6455
 * conformance tests), and upgrades sent from a chosen loopback address, answered or not (the nginx
 * deployment test). Use {@link TestClient} for everything else.
 *
 * <pre>{@code
 * try (RawWebSocket ws = RawWebSocket.connect(port)) {
 *     ws.send(Frame.text("hi").withRsv(4));
 *     assertThat(ws.awaitEnd()).isEmpty();
 * }
 * }</pre>
 */
public final class RawWebSocket implements AutoCloseable {

    /** How long one read may wait for the server. */
    public static final int READ_TIMEOUT_MILLIS = 5_000;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private String responseHead = "";

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a TCP connection to the loopback port and upgrades it, checking the 101 answer and its
     * {@code Sec-WebSocket-Accept}.
     *
     * @param port the server's port
     * @return the upgraded connection
     * @throws AssertionError when the server does not upgrade the connection
     */
    public static RawWebSocket connect(int port) {
        RawWebSocket ws = open(null, port);
        try {
            ws.expectUpgraded(ws.requestUpgrade(port, Map.of()));
            return ws;
        } catch (IOException e) {
            ws.close();
            throw new UncheckedIOException("cannot open a WebSocket on port " + port, e);
        } catch (RuntimeException | Error e) {
            ws.close();
            throw e;
        }
    }

    /**
     * Sends an upgrade request from a chosen loopback address, with extra headers, and reads the answer's head
     * without judging it: the test looks at {@link #statusLine()}. The connection stays open until closed.
     *
     * @param fromAddress the local address to connect from, e.g. {@code 127.0.0.3}
     * @param port the server's port on 127.0.0.1
     * @param headers extra request headers, e.g. a forged {@code X-Real-IP}
     * @return the connection, upgraded or not
     */
    public static RawWebSocket requestUpgrade(String fromAddress, int port, Map<String, String> headers) {
        RawWebSocket ws = open(new InetSocketAddress(fromAddress, 0), port);
        try {
            ws.requestUpgrade(port, headers);
            return ws;
        } catch (IOException e) {
            ws.close();
            throw new UncheckedIOException("cannot send an upgrade request to port " + port, e);
        }
    }

    private static RawWebSocket open(InetSocketAddress from, int port) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            if (from != null) {
                socket.bind(from);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
            return new RawWebSocket(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to port " + port, e);
        }
    }

    /** Sends the upgrade request and reads the answer's head. @return the {@code Sec-WebSocket-Key} sent */
    private String requestUpgrade(int port, Map<String, String> headers) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        sendBytes(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        responseHead = readHttpHead();
        return key;
    }

    private void expectUpgraded(String key) {
        if (!responseHead.startsWith("HTTP/1.1 101")) {
            throw new AssertionError("expected 101 Switching Protocols, got:\n" + responseHead);
        }
        String accept = acceptFor(key);
        boolean accepted = responseHead.lines()
                .anyMatch(line -> line.regionMatches(true, 0, "Sec-WebSocket-Accept:", 0, 21)
                        && line.substring(21).trim().equals(accept));
        if (!accepted) {
            throw new AssertionError("expected Sec-WebSocket-Accept: " + accept + ", got:\n" + responseHead);
        }
    }

    /** @return the status line of the answer to the upgrade, e.g. {@code HTTP/1.1 101 Switching Protocols} */
    public String statusLine() {
        return responseHead.lines().findFirst().orElse("");
    }

    /** @return the local port, to find this connection on the server's side */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Reads the response head byte by byte, so that no frame byte after it is consumed. */
    private String readHttpHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection ended during the upgrade after:\n" + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param frames frames to send, one write each @return this */
    public RawWebSocket send(Frame... frames) {
        for (Frame frame : frames) {
            sendBytes(frame.encode());
        }
        return this;
    }

    /**
     * Sends a frame a few bytes per write (with TCP_NODELAY, one segment each), so that the server sees
     * its header and payload arrive in pieces.
     *
     * @param frame the frame
     * @param chunkBytes bytes per write
     * @return this
     */
    public RawWebSocket sendInChunks(Frame frame, int chunkBytes) {
        byte[] bytes = frame.encode();
        for (int from = 0; from < bytes.length; from += chunkBytes) {
            sendBytes(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkBytes)));
        }
        return this;
    }

    /** @param bytes bytes to write as they are @return this */
    public RawWebSocket sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + bytes.length + " bytes", e);
        }
    }

    /**
     * Reads the next frame.
     *
     * @return the frame
     * @throws AssertionError when none comes within the read timeout or the connection ends first
     */
    public Frame receive() {
        try {
            Frame frame = readFrame();
            if (frame == null) {
                throw new AssertionError("expected a frame, but the server closed the connection");
            }
            return frame;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("expected a frame, but none came within " + READ_TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            throw new AssertionError("expected a frame, but reading failed: " + e, e);
        }
    }

    /**
     * Reads until the server ends the TCP connection.
     *
     * @return the frames that came before the end, normally none
     * @throws AssertionError when the connection is still open after the read timeout
     */
    public List<Frame> awaitEnd() {
        List<Frame> frames = new ArrayList<>();
        try {
            for (Frame frame = readFrame(); frame != null; frame = readFrame()) {
                frames.add(frame);
            }
            return frames;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("expected the server to close the connection within " + READ_TIMEOUT_MILLIS
                    + " ms; it stayed open after " + frames);
        } catch (IOException e) {
            throw new AssertionError("reading failed after " + frames + ": " + e, e);
        }
    }

    /** @return the next frame, or null when the server ended the connection (FIN or reset) */
    private Frame readFrame() throws IOException {
        int b0;
        try {
            b0 = in.read();
        } catch (SocketException e) {
            if (String.valueOf(e.getMessage()).contains("reset")) {
                return null;
            }
            throw e;
        }
        if (b0 < 0) {
            return null;
        }
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new IOException("frame length " + length + " from the server");
        }
        boolean masked = (b1 & 0x80) != 0;
        byte[] key = new byte[4];
        if (masked) {
            in.readFully(key);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i & 3];
            }
        }
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 0x7, b0 & 0x0F, masked, payload);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
