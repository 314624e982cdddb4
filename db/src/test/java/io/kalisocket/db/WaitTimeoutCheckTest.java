package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@link WaitTimeoutCheck} warns about. */
class WaitTimeoutCheckTest {

    private final DbConfig defaults = DbConfig.defaults(); // keepalive 2 min, maxLifetime 30 min

    @Test
    void problems_mariaDbDefault8Hours_none() {
        assertThat(WaitTimeoutCheck.problems(Duration.ofHours(8), defaults)).isEmpty();
    }

    @Test
    void problems_waitTimeoutBelowMaxLifetime() {
        assertThat(WaitTimeoutCheck.problems(Duration.ofMinutes(10), defaults))
                .singleElement().asString().startsWith("maxLifetime (1800 s) is not below the server's wait_timeout (600 s)");
    }

    @Test
    void problems_waitTimeoutBelowKeepalive() {
        assertThat(WaitTimeoutCheck.problems(Duration.ofSeconds(60), defaults)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("keepaliveTime (120 s) is not below"));
    }

    @Test
    void problems_waitTimeoutAtHikariFloor_cannotFit() {
        assertThat(WaitTimeoutCheck.problems(Duration.ofSeconds(30), defaults))
                .singleElement().asString().contains("at or below HikariCP's 30 s floor");
    }
}
