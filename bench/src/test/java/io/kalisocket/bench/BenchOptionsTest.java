package io.kalisocket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void parse_defaults() {
        BenchOptions o = BenchOptions.parse("echo");
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.jitQuiet()).isZero();
        assertThat(o.rates()).containsExactly(10_000, 20_000);
        assertThat(o.connectionsOr(100)).isEqualTo(100);
        assertThat(o.pin()).isTrue();
        assertThat(o.includes("kali-inline")).isTrue();
    }

    @Test
    void parse_flags() {
        BenchOptions o = BenchOptions.parse("latency", "--connections", "20", "--duration", "1.5", "--warmup", "0",
                "--rate", "5000,7000", "--rate", "9000", "--servers", "kali", "--no-pin", "--runs", "3");
        assertThat(o.connectionsOr(100)).isEqualTo(20);
        assertThat(o.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.warmup()).isZero();
        assertThat(o.rates()).isEqualTo(List.of(5000, 7000, 9000));
        assertThat(o.includes("kali")).isTrue();
        assertThat(o.includes("kali-inline")).isFalse();
        assertThat(o.includes("baseline")).isTrue();
        assertThat(o.pin()).isFalse();
        assertThat(o.runs()).isEqualTo(3);
    }

    @Test
    void parse_refusesUnknownFlagsAndUnboundedValues() {
        assertThatThrownBy(() -> BenchOptions.parse("echo", "--bogus", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("echo", "--duration", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("echo", "--connections", "50000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("echo", "--jit-quiet", "301")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void window_isTheScenariosUnlessGiven_andAtLeastOne() {
        assertThat(BenchOptions.parse("broadcast").windowOr(16)).isEqualTo(16);
        assertThat(BenchOptions.parse("broadcast", "--window", "4").windowOr(16)).isEqualTo(4);
        assertThatThrownBy(() -> BenchOptions.parse("echo", "--window", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("echo", "--window", "1025")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_jitQuietBoundsTheExtraWarmUp() {
        assertThat(BenchOptions.parse("handshake", "--jit-quiet", "60").jitQuiet()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void handshake_runsClosedLoopsUnlessARateIsGiven() {
        assertThat(BenchOptions.parse("handshake").rates()).isEmpty();
        assertThat(BenchOptions.parse("handshake", "--rate", "3000").rates()).containsExactly(3000);
    }

    @Test
    void targetPid_namesTheTargetsProcess_andNeedsATarget() {
        BenchOptions o = BenchOptions.parse("handshake", "--target", "ws://127.0.0.1:19527/", "--target-pid", "4242");
        assertThat(o.targetPid()).contains(4242L);
        assertThat(BenchOptions.parse("handshake").targetPid()).isEmpty();
        assertThatThrownBy(() -> BenchOptions.parse("handshake", "--target-pid", "4242"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--target");
    }

    @Test
    void help_listsEveryScenario() {
        assertThat(BenchOptions.help()).contains("echo", "latency", "idle", "broadcast", "handshake", "overload", "--target",
                "cluster-uid", "cluster-fanout", "reconnect", "--redis", "--jit-quiet", "jitter");
    }

    @Test
    void parse_scenarioDefaults_ofRatesAndMessages() {
        assertThat(BenchOptions.parse("cluster-uid").rates()).containsExactly(2_000, 5_000);
        assertThat(BenchOptions.parse("reconnect").messagesOr(5)).isEqualTo(5);
        assertThat(BenchOptions.parse("reconnect", "--messages", "7").messagesOr(5)).isEqualTo(7);
    }

    @Test
    void parse_redis_loopbackOnly() {
        assertThat(BenchOptions.parse("cluster-uid", "--redis", "redis://127.0.0.1:6379").redis().given())
                .contains(URI.create("redis://127.0.0.1:6379"));
        assertThatThrownBy(() -> BenchOptions.parse("cluster-uid", "--redis", "redis://10.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_redis_byDefault_theBenchStartsItsOwnRedisServer() {
        assertThat(BenchOptions.parse("cluster-uid").redis()).isEqualTo(BenchRedis.own());
        assertThat(BenchRedis.own().localCluster()).isFalse();
    }

    @Test
    void parse_redis_aRedisClusterOrSentinelSet_everyHostLoopback() {
        String cluster = "redis-cluster://127.0.0.1:7001,127.0.0.1:7002,localhost:7003";
        assertThat(BenchOptions.parse("cluster-fanout", "--redis", cluster).redis().given())
                .contains(URI.create(cluster));
        String sentinels = "redis-sentinel://127.0.0.1:26379,localhost:26380/kalimaster";
        assertThat(BenchOptions.parse("cluster-uid", "--redis", sentinels).redis().given())
                .contains(URI.create(sentinels));
        assertThatThrownBy(() -> BenchRedis.parse("redis-cluster://127.0.0.1:7001,10.0.0.2:7002"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> BenchRedis.parse("redis-sentinel://redis.example:26379/m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchRedis.parse("http://127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("local-cluster");
    }

    @Test
    void parse_redis_localCluster_theBenchStartsItsOwnRedisCluster() {
        BenchRedis redis = BenchOptions.parse("cluster-uid", "--redis", "local-cluster").redis();
        assertThat(redis.localCluster()).isTrue();
        assertThat(redis.given()).isEmpty();
    }
}
