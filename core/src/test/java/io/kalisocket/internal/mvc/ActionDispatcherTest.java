package io.kalisocket.internal.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.testing.ServerLogs;
import io.kalisocket.testing.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the dispatcher does with an action that fails: the client gets a bare 500, the server log the rest. */
class ActionDispatcherTest {

    @Test
    void aFailingAction_isA500ForTheClient_andLoggedWithRouteClientAndStackTrace() {
        try (RunningServer server = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0")))
                        .controllers(FormController.class).bind();
                TestClient client = TestClient.connect(server.port());
                ServerLogs logs = ServerLogs.capture()) {
            JsonNode reply = client.call("form", "crash");
            assertThat(reply.get("code").asInt()).isEqualTo(500);
            assertThat(reply.get("msg").asText()).isEqualTo("internal error");
            String clientId = client.call("form", "me").path("data").asText();
            assertThat(logs.stackTraces()).singleElement().asString()
                    .startsWith("ERROR " + ActionDispatcher.class.getName())
                    .contains("action form/crash failed for client " + clientId + " ")
                    .contains("[java.lang.IllegalStateException: stock table missing]");
        }
    }
}
