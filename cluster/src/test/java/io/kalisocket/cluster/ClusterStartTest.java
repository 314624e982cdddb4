package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.KaliServer;
import io.kalisocket.StartupException;
import io.kalisocket.config.ConfigLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Joining opens nothing: Redis is connected when the server starts, after its ports are bound. */
class ClusterStartTest {

    @Test
    void join_opensNoLink_andAnUnreachableRedis_failsTheStartInOneLine_releasingThePorts() throws IOException {
        int port = freePort();
        KaliServer server = KaliServer.create(ConfigLoader.of(Map.of("server.port", String.valueOf(port))));
        int unused = freePort(); // nothing listens there
        try (Cluster cluster = Cluster.join(server, ClusterConfig.of("redis://127.0.0.1:" + unused))) {
            assertThatThrownBy(server::bind)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Redis at 127.0.0.1:" + unused + " is unreachable")
                    .hasMessageNotContaining("\n");
        }
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the WebSocket port was released").isEqualTo(port);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
