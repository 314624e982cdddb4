package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Backoff} and the documented {@link ClientOptions} defaults. */
class BackoffTest {

    @Test
    void delayGrowsByTheFactorUpToTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 2, 0.5);
        assertThat(b.delay(1, () -> 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.delay(2, () -> 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.delay(4, () -> 0)).isEqualTo(Duration.ofMillis(800));
        assertThat(b.delay(5, () -> 0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.delay(500, () -> 0)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 2, 0.5);
        assertThat(b.delay(1, () -> 0.999_999)).isEqualTo(Duration.ofMillis(50));
        assertThat(b.delay(5, () -> 0.5)).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientOptionsDefaultsAreTheDocumentedOnes() {
        ClientOptions o = ClientOptions.defaults();
        assertThat(o.heartbeatInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(o.heartbeatPing()).isEqualTo("~H#C~");
        assertThat(o.heartbeatPong()).isEqualTo("~H#S~");
        assertThat(o.deadAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.callTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.resendInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.reconnect()).isTrue();
        assertThat(o.backoff()).isEqualTo(Backoff.defaults());
        assertThat(o.maxQueue()).isEqualTo(1000);
        assertThat(o.finalCloseCodes()).isEmpty();
        assertThat(o.recover()).isTrue();
        assertThat(o.clock()).isSameAs(ClientClock.system());
    }

    @Test
    void clientOptionsBuilder_changesWhatItIsToldAndKeepsTheRest() {
        ClientOptions o = ClientOptions.builder()
                .callTimeout(Duration.ofSeconds(5))
                .query(Map.of("uid", "ann"))
                .build();
        assertThat(o.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.query()).containsEntry("uid", "ann");
        assertThat(o.toBuilder().callTimeout(ClientOptions.defaults().callTimeout()).query(Map.of()).build())
                .isEqualTo(ClientOptions.defaults());
    }

    @Test
    void clientOptionsBuilder_refusesADurationThatIsNotPositive() {
        assertThatThrownBy(() -> ClientOptions.builder().resendInterval(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
