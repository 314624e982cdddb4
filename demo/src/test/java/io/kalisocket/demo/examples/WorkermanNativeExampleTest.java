package io.kalisocket.demo.examples;

import static io.kalisocket.testing.KaliAssertions.assertThatReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.ServerLogs;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import io.kalisocket.testing.TestServerExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's Workerman-native example, started and used over a real socket. */
class WorkermanNativeExampleTest {

    @RegisterExtension
    final TestServerExtension server = new TestServerExtension(() -> TestServer.start(WorkermanNativeExample::create));

    @Test
    void itsOnMessage_answersTheHeartbeat() {
        TestClient client = server.connect();
        client.send("~H#C~");
        assertThat(client.awaitMessages(1)).containsExactly("~H#S~");
    }

    @Test
    void itsOnMessage_runsACallThroughTheDispatcher() {
        TestClient client = server.connect();
        assertThatReply(client.call("echo", "say", "data", "hi")).isOk().isFor("echo", "say").hasData("\"hi\"");
    }

    @Test
    void itsOnMessage_ignoresWhatIsNotACall() {
        TestClient client = server.connect();
        client.send("hello");
        client.send("[1,2]");
        client.sendJson(Map.of("ct", "echo"));
        client.sendJson(Map.of("ct", "", "ac", "say"));
        client.call("echo", "say", "data", "after");
        assertThat(client.received()).hasSize(1);
    }

    @Test
    void theRealIp_isTakenAtConnect_andLoggedOnClose() {
        try (ServerLogs log = ServerLogs.capture(WorkermanNativeExample.class)) {
            TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"),
                    Map.of("X-Real-IP", "10.1.2.3"));
            client.call("echo", "say");
            client.close();
            await().until(() -> log.messages().contains("connection closed from ip 10.1.2.3"));
        }
    }
}
