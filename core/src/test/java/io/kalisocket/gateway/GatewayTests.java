package io.kalisocket.gateway;

import io.kalisocket.KaliServer;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.util.ArrayList;
import java.util.List;

/** What the gateway tests share: the test app's server and a client's id. */
final class GatewayTests {

    private GatewayTests() {
    }

    /**
     * @param keyValues config overrides
     * @return a server with the test controllers; generous rate limits, so tests never meet them
     */
    static TestServer start(String... keyValues) {
        List<String> settings = new ArrayList<>(List.of(
                "limits.messages-per-second", "100000", "limits.message-burst", "100000",
                "limits.max-connections-per-ip", "0"));
        settings.addAll(List.of(keyValues));
        return TestServer.start(c -> KaliServer.create(c)
                .controllers(GwController.class, GateController.class, IndexController.class),
                settings.toArray(String[]::new));
    }

    /** @param client a connected client @return its client id, asked from the server */
    static String id(TestClient client) {
        return client.call("gw", "whoami").path("data").path("client_id").asText();
    }
}
