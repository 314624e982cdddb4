package io.kalisocket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback that a test owns, put between a client and its server to lose the network: {@link #cut()}
 * closes every proxied connection (at the TCP level: nothing of the protocol on top, no WebSocket close frame) and
 * refuses new ones, as a server that went down or a network that is gone; {@link #restore()} listens again on the
 * same port. Used between a pool and MariaDB (db) and between a client and a KaliSocket server (client).
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile Thread acceptor;

    /** @param targetPort the server's port on loopback; the proxy listens on a free one */
    public TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** @return the port clients connect to */
    public int port() {
        return port;
    }

    /** Closes every connection and stops listening: connects are refused until {@link #restore()}. */
    public void cut() {
        synchronized (this) {
            closeQuietly(listener);
            sockets.forEach(TcpProxy::closeQuietly);
            sockets.clear();
        }
        awaitListenerClosed();
    }

    /**
     * Like {@link #cut()}, but each connection ends with a TCP reset (RST) instead of a FIN, as a NAT or firewall
     * that forgot the connection would end it.
     */
    public void reset() {
        resetSockets();
        awaitListenerClosed();
    }

    private synchronized void resetSockets() {
        closeQuietly(listener);
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0); // close() now sends RST and drops what is unsent
            } catch (IOException alreadyClosed) {
                // nothing to reset
            }
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /**
     * The JDK defers closing a listener while a thread is blocked in its {@code accept} until that thread wakes, and
     * until then the kernel still completes connects: only when the accepting thread has ended is the port closed.
     * Outside the lock, which that thread may need once more on its way out.
     */
    private void awaitListenerClosed() {
        Thread accepting = acceptor;
        if (accepting == null) {
            return;
        }
        try {
            accepting.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Listens again on the same port. */
    public synchronized void restore() {
        listener = listen(port);
        startAccepting(listener);
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startAccepting(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    return; // cut() closed the listener
                }
                try {
                    register(server, client, new Socket(InetAddress.getLoopbackAddress(), targetPort));
                } catch (IOException refused) {
                    closeQuietly(client); // the server itself is down: the client sees its connection drop
                }
            }
        }, "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        this.acceptor = acceptor;
        acceptor.start();
    }

    /**
     * Starts proxying an accepted connection, unless a cut came between its accept and now: the cut's sweep has
     * already passed, so such a connection would outlive the cut (as it did once in CI, serving reads from a
     * "down" replica). Under the same lock as {@link #cut()}, so a connection is either swept or refused here.
     */
    private synchronized void register(ServerSocket acceptedBy, Socket client, Socket upstream) {
        if (acceptedBy.isClosed()) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException closed) {
                // One side went away; closing both below ends the other pump too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
