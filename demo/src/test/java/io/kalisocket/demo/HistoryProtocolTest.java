package io.kalisocket.demo;

import static io.kalisocket.testing.KaliAssertions.assertThatReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.db.DbConfig;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code room/say} stores each message and {@code room/history} reads them back, oldest first: on the
 * embedded H2 and on a real MariaDB (127.0.0.1:3306, root, no password, database {@code test}).
 */
class HistoryProtocolTest {

    private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

    @Test
    void history_onH2() {
        String url = "jdbc:h2:mem:history-" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try (TestServer server = start(DbConfig.of(url, "", ""))) {
            historyRules(server);
        }
    }

    @Test
    void history_onMariaDb() {
        RequiredService.mariaDb().require();
        try (TestServer server = start(DbConfig.of(MARIADB_URL, "root", ""))) {
            historyRules(server);
        }
    }

    private static void historyRules(TestServer server) {
        String room = "h" + UUID.randomUUID().toString().substring(0, 8);
        TestClient ann = server.connect("uid=ann");
        TestClient bob = server.connect("uid=bob");
        ann.call("room", "join", "room", room);
        bob.call("room", "join", "room", room);

        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            JsonNode reply = ann.call("room", "say", "room", room, "text", "m" + i);
            ids.add(reply.at("/data/id").asLong());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        JsonNode pushed = bob.awaitJson(n -> "say".equals(n.path("type").asText()) && "m25".equals(n.path("text").asText()));
        assertThat(pushed.get("id").asLong()).as("the push carries the stored row's id").isEqualTo(ids.get(24));

        JsonNode defaultHistory = bob.call("room", "history", "room", room).get("data");
        assertThat(defaultHistory).hasSize(20);
        assertThat(defaultHistory.get(0).get("text").asText()).isEqualTo("m6");
        assertThat(defaultHistory.get(19).get("text").asText()).isEqualTo("m25");
        JsonNode last = defaultHistory.get(19);
        assertThat(last.get("id").asLong()).isEqualTo(ids.get(24));
        assertThat(last.get("room").asText()).isEqualTo(room);
        assertThat(last.get("from").asText()).isEqualTo("ann");
        assertThat(last.get("ts").asLong()).isEqualTo(pushed.get("ts").asLong());

        JsonNode three = bob.call("room", "history", "room", room, "limit", 3).get("data");
        assertThat(three).extracting(n -> n.get("text").asText()).containsExactly("m23", "m24", "m25");

        assertThatReply(bob.call("room", "history", "room", room, "limit", 0)).hasCode(400);
        assertThatReply(bob.call("room", "history", "room", room, "limit", 101)).hasCode(400);
        assertThatReply(bob.call("room", "history", "room", "bad room!")).hasCode(400);
        TestClient outsider = server.connect("uid=eve");
        assertThatReply(outsider.call("room", "history", "room", room)).hasCode(403);
        outsider.awaitJson(Json.type("welcome"));
    }

    private static TestServer start(DbConfig database) {
        List<String> settings = new ArrayList<>();
        DemoApp.DEFAULTS.forEach((k, v) -> {
            settings.add(k);
            settings.add(v);
        });
        return TestServer.start(config -> DemoApp.server(config, database), settings.toArray(String[]::new));
    }
}
