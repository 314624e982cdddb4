package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Connection recovery when Redis fails (docs/RECOVERY.md §7): a return to another node while Redis is down is
 * answered at once with a new connection ({@code reason: unavailable}), never a hang; once Redis is back empty,
 * the stream is gone ({@code reason: epoch}), while the node that holds the connection still recovers it from
 * its memory.
 */
class RecoveryWithoutRedisTest {

    @Test
    void aReturnElsewhere_failsCleanlyWhileRedisIsDown_andAfterRedisLostTheStream() throws Exception {
        RequiredService.redisServer().require();
        try (RedisServerProcess server = new RedisServerProcess(); RecoveryNodes nodes = RecoveryNodes.onRedis(server.uri())) {
            RunningServer a = nodes.start("a");
            RunningServer b = nodes.start("b");
            TestClient ann = nodes.open(a, "recover=1&room=r1");
            JsonNode recovery = ann.awaitJson(1).get(0);
            String annId = recovery.get("client_id").asText();
            await().until(() -> b.gateway().getClientIdCountByGroup("r1") == 1);
            ann.abort();
            await().until(() -> "1".equals(nodes.redis().hget(nodes.keys().streamMeta(annId), "parked")));
            String resume = "resume=" + recovery.get("token").asText() + "&epoch=" + recovery.get("epoch").asText()
                    + "&last=0";

            server.kill();
            JsonNode down = nodes.open(b, resume).awaitJson(1).get(0);
            assertThat(down.get("recovered").asBoolean()).isFalse();
            assertThat(down.get("reason").asText()).isEqualTo("unavailable");

            server.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    return b.gateway().isOnline(annId); // a announced its connections again, the parked one too
                } catch (ClusterUnavailableException e) {
                    return false;
                }
            });
            JsonNode lost = nodes.open(b, resume).awaitJson(1).get(0);
            assertThat(lost.get("recovered").asBoolean()).isFalse();
            assertThat(lost.get("reason").asText()).isEqualTo("epoch");

            JsonNode home = nodes.open(a, resume).awaitJson(1).get(0);
            assertThat(home.get("recovered").asBoolean()).as("its node still has it in memory").isTrue();
            assertThat(home.get("client_id").asText()).isEqualTo(annId);
        }
    }
}
