package io.kalisocket.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.RequiredService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --redis local-cluster}: the bench's own Redis Cluster is up, covers every slot, and is gone after close. */
class RedisClusterProcessTest {

    @Test
    void start_threePrimariesServingEverySlot_closeStopsThem() throws Exception {
        RequiredService.redisServer().require();
        List<Long> pids;
        try (RedisClusterProcess cluster = RedisClusterProcess.start(List.of())) {
            String uri = cluster.uri().toString();
            assertThat(uri).startsWith("redis-cluster://127.0.0.1:");
            assertThat(uri.substring("redis-cluster://".length()).split(",")).hasSize(3);
            pids = cluster.pids();
            assertThat(pids).hasSize(3).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            String port = uri.substring(uri.lastIndexOf(':') + 1);
            Process info = new ProcessBuilder("redis-cli", "-p", port, "cluster", "info").redirectErrorStream(true).start();
            assertThat(new String(info.getInputStream().readAllBytes())).contains("cluster_state:ok",
                    "cluster_slots_assigned:16384", "cluster_known_nodes:3");
        }
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
