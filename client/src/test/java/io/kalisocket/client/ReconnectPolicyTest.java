package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.client.ReconnectPolicy.Attempt;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ReconnectPolicy}: which ends are final, and the attempts counted since the last open. */
class ReconnectPolicyTest {

    private static final Backoff NO_JITTER = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0);

    @Test
    void isFinalRefusal_a4xxButTimeoutAndTooManyRequests() {
        assertThat(ReconnectPolicy.isFinalRefusal(401)).isTrue();
        assertThat(ReconnectPolicy.isFinalRefusal(403)).isTrue();
        assertThat(ReconnectPolicy.isFinalRefusal(408)).isFalse();
        assertThat(ReconnectPolicy.isFinalRefusal(429)).isFalse();
        assertThat(ReconnectPolicy.isFinalRefusal(503)).isFalse();
    }

    @Test
    void isFinalClose_whenReconnectIsOffOrTheCodeIsListed() {
        ReconnectPolicy listed = policy(ClientOptions.builder().finalCloseCodes(Set.of(4001)));
        assertThat(listed.isFinalClose(4001)).isTrue();
        assertThat(listed.isFinalClose(1001)).isFalse();
        assertThat(policy(ClientOptions.builder().reconnect(false)).isFinalClose(1001)).isTrue();
    }

    @Test
    void next_countsAttemptsAndGrowsTheDelay_untilOpenedStartsAgain() {
        ReconnectPolicy policy = policy(ClientOptions.builder().backoff(NO_JITTER));
        assertThat(policy.next()).isEqualTo(new Attempt(1, Duration.ofMillis(100)));
        assertThat(policy.next()).isEqualTo(new Attempt(2, Duration.ofMillis(200)));
        policy.opened();
        assertThat(policy.next()).isEqualTo(new Attempt(1, Duration.ofMillis(100)));
    }

    private static ReconnectPolicy policy(ClientOptions.Builder options) {
        return new ReconnectPolicy(options.build(), () -> 0);
    }
}
