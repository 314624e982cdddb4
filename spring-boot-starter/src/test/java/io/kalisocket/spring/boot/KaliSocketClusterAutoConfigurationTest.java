package io.kalisocket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.cache.Cache;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.spring.boot.app.TestApp;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With kalisocket-cluster and {@code kalisocket.cluster.redis} set, each application joins the cluster: a push from
 * one application's Gateway bean reaches a client of the other. Runs against the real Redis at 127.0.0.1:6379 under
 * a key prefix of its own, deleted afterwards.
 */
class KaliSocketClusterAutoConfigurationTest {

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String PREFIX = "ks-spring-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.NONE)
                .properties("kalisocket.server.port=0", "kalisocket.cluster.redis=" + REDIS,
                        "kalisocket.cluster.key-prefix=" + PREFIX)
                .run();
    }

    @Test
    void twoApplicationsActAsOneCluster() throws Exception {
        try (ConfigurableApplicationContext a = node(); ConfigurableApplicationContext b = node();
                WsClient client = WsClient.connect(a.getBean(KaliSocketServer.class).require().port())) {
            client.send("{\"ct\":\"hello\",\"ac\":\"join\",\"room\":\"lobby\"}");
            client.next("\"joined\":\"lobby\"");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> b.getBean(Gateway.class).getClientIdCountByGroup("lobby") == 1);
            b.getBean(Gateway.class).sendToGroup("lobby", Map.of("from", "node b"));
            assertThat(client.next("node b")).contains("\"from\":\"node b\"");

            b.getBean(Cache.class).set("shared", "yes", Duration.ofMinutes(1));
            assertThat(a.getBean(Cache.class).get("shared")).contains("yes");

            Health health = a.getBean(KaliSocketHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("cluster")).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("redis_up", true);
        }
    }

    @AfterAll
    static void deleteTheKeys() {
        RedisClient redis = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            var commands = connection.sync();
            var cursor = commands.scan(ScanArgs.Builder.matches(PREFIX + "*").limit(500));
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    commands.del(cursor.getKeys().toArray(String[]::new));
                }
                if (cursor.isFinished()) {
                    break;
                }
                cursor = commands.scan(cursor, ScanArgs.Builder.matches(PREFIX + "*").limit(500));
            }
        } finally {
            redis.shutdown();
        }
    }
}
