package io.kalisocket.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy that tests put between a client and its server: a cut closes every connection it proxies. Checked at the
 * target, which holds each connection the proxy opened to it and must see every one of them closed.
 */
class TcpProxyTest {

    private static final int ROUNDS = 200;

    private final List<Socket> upstreams = new CopyOnWriteArrayList<>();
    private ServerSocket target;

    @BeforeEach
    void target() throws IOException {
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket upstream = target.accept();
                    upstream.setSoTimeout(1); // polled by closedByTheProxy, never blocked on
                    upstreams.add(upstream); // held open, silent
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "tcp-proxy-test-target");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        target.close();
        for (Socket socket : upstreams) {
            socket.close();
        }
    }

    @Test
    void cut_closesAnOpenConnection_atBothEnds() throws Exception {
        try (TcpProxy proxy = new TcpProxy(target.getLocalPort());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            await().until(() -> upstreams.size() == 1);
            proxy.cut();
            client.setSoTimeout(10_000);
            assertThat(client.getInputStream().read()).as("the client's end").isEqualTo(-1);
            await().until(() -> closedByTheProxy(upstreams.get(0)));
        }
    }

    @Test
    void cut_refusesNewConnections_untilRestored() throws Exception {
        try (TcpProxy proxy = new TcpProxy(target.getLocalPort())) {
            proxy.cut();
            assertThat(connects(proxy)).isFalse();
            proxy.restore();
            assertThat(connects(proxy)).isTrue();
        }
    }

    /**
     * The race that once kept a "down" replica serving reads in CI: a connection the proxy accepted just before a
     * cut, and set up just after the cut had swept the open ones. The cut must close it too.
     */
    @Test
    void cut_closesAConnectionAcceptedAsItCuts() throws Exception {
        List<Socket> clients = new ArrayList<>(); // kept open: a client's close would end a missed connection too
        for (int round = 0; round < ROUNDS; round++) {
            try (TcpProxy proxy = new TcpProxy(target.getLocalPort())) {
                CountDownLatch connecting = new CountDownLatch(1);
                Thread cutter = new Thread(() -> {
                    awaitQuietly(connecting);
                    proxy.cut();
                }, "tcp-proxy-test-cutter");
                cutter.start();
                connecting.countDown();
                connect(proxy).ifPresent(clients::add);
                cutter.join();
            }
        }
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(upstreams).as("connections to the target still open after the cut")
                            .allMatch(TcpProxyTest::closedByTheProxy));
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    private static Optional<Socket> connect(TcpProxy proxy) {
        try {
            return Optional.of(new Socket(InetAddress.getLoopbackAddress(), proxy.port()));
        } catch (IOException refused) {
            return Optional.empty();
        }
    }

    private static boolean connects(TcpProxy proxy) {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            // Linux lets a connect to a closed loopback port in the ephemeral range meet itself (TCP self-connect)
            // when the kernel picks that very port as the client's: that is no listener answering.
            return client.getLocalPort() != proxy.port();
        } catch (IOException refused) {
            return false;
        }
    }

    private static boolean closedByTheProxy(Socket upstream) {
        try {
            return upstream.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
