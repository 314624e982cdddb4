package io.kalisocket.demo.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket upgrade over a plain socket, from a chosen local address and with chosen headers (e.g. a forged
 * {@code X-Real-IP}); the connection stays open until closed.
 */
final class RawUpgrade implements AutoCloseable {

    private final Socket socket;
    private final String statusLine;

    private RawUpgrade(Socket socket, String statusLine) {
        this.socket = socket;
        this.statusLine = statusLine;
    }

    /**
     * @param from local address to connect from, e.g. {@code 127.0.0.3}
     * @param port the port on 127.0.0.1
     * @param extraHeaders header lines, each ending with CRLF
     * @return the open connection
     * @throws IOException when the connection fails
     */
    static RawUpgrade open(String from, int port, String extraHeaders) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        String request = "GET / HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + extraHeaders
                + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new RawUpgrade(socket, readLine(socket.getInputStream()));
    }

    /** @return the response's status line, e.g. {@code HTTP/1.1 101 Switching Protocols} */
    String statusLine() {
        return statusLine;
    }

    /** @return the local port, to find this connection on the server's side */
    int localPort() {
        return socket.getLocalPort();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
