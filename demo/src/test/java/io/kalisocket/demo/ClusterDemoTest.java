package io.kalisocket.demo;

import io.kalisocket.testing.RequiredService;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two demo processes started with {@code --redis redis://127.0.0.1:6379} are one chat ({@link ChatAcrossNodes}):
 * presence, private messages, rooms over both nodes, stats, receipt dedup and recovery on the other node (issue 7).
 * Needs Redis on 127.0.0.1:6379: skipped without it, failed with {@code CI=true}. The same on a Redis Cluster:
 * {@link ClusterDemoOnRedisClusterTest}.
 */
class ClusterDemoTest {

    @Test
    void twoDemoProcessesOnOneRedis_actAsOneChat() throws Exception {
        RequiredService.redis().require();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        try (DemoNodes nodes = DemoNodes.start("redis://127.0.0.1:6379", run)) {
            new ChatAcrossNodes(nodes, run).everything();
        }
    }
}
