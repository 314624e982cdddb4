package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DbConfig}: documented defaults, checks, no password in logs. */
class DbConfigTest {

    @Test
    void defaults() {
        DbConfig config = DbConfig.defaults();
        assertThat(config.url()).isEqualTo(DbConfig.DEFAULT_URL).startsWith("jdbc:h2:mem:");
        assertThat(config.poolSize()).isEqualTo(10);
        assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.validationTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.keepaliveTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.replicas()).isEmpty();
        assertThat(config.replicaRetryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void toString_hidesPassword() {
        assertThat(DbConfig.of("jdbc:mariadb://db/app", "app", "s3cret").toString())
                .doesNotContain("s3cret").contains("password=***");
    }

    @Test
    void replicas_copied() {
        List<String> urls = new ArrayList<>(List.of("jdbc:mariadb://r1/app"));
        DbConfig config = DbConfig.defaults().withReplicas(urls);
        urls.clear();
        assertThat(config.replicas()).containsExactly("jdbc:mariadb://r1/app");
    }

    @Test
    void invalid() {
        assertThatThrownBy(() -> DbConfig.of(" ", "", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DbConfig.defaults().withPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DbConfig.defaults().withConnectionTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isMariaDb() {
        assertThat(DbConfig.isMariaDb("jdbc:mariadb://h/db")).isTrue();
        assertThat(DbConfig.isMariaDb("jdbc:mysql://h/db")).isTrue();
        assertThat(DbConfig.isMariaDb(DbConfig.DEFAULT_URL)).isFalse();
    }
}
