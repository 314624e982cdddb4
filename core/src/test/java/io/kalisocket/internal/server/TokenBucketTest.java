package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rate limit's bucket, on the server's clock (a fake one here: time moves only when the test says). */
class TokenBucketTest {

    private final FakeClock clock = new FakeClock();

    /** One connection's bucket, kept as its owner keeps it: one full time. */
    private static final class Bucket {
        private final TokenBucket limit;
        private long fullAt;

        Bucket(TokenBucket limit) {
            this.limit = limit;
            this.fullAt = limit.full();
        }

        boolean tryTake() {
            long next = limit.take(fullAt);
            if (next == TokenBucket.REFUSED) {
                return false;
            }
            fullAt = next;
            return true;
        }
    }

    @Test
    void take_allowsTheBurstThenRefusesUntilTimeRefills() {
        Bucket bucket = new Bucket(TokenBucket.of(100, 200, clock::nanoTime));
        for (int i = 0; i < 200; i++) {
            assertThat(bucket.tryTake()).as("message %d of the burst", i).isTrue();
        }
        assertThat(bucket.tryTake()).isFalse();
        clock.advance(Duration.ofMillis(10)); // 100/s -> one token per 10 ms
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void take_neverSavesMoreThanTheBurst() {
        Bucket bucket = new Bucket(TokenBucket.of(100, 5, clock::nanoTime));
        clock.advance(Duration.ofHours(1));
        int passed = 0;
        while (bucket.tryTake()) {
            passed++;
        }
        assertThat(passed).isEqualTo(5);
    }

    @Test
    void take_refillsWholeTokensOnly() {
        Bucket bucket = new Bucket(TokenBucket.of(100, 1, clock::nanoTime));
        assertThat(bucket.tryTake()).isTrue();
        clock.advance(Duration.ofMillis(9));
        assertThat(bucket.tryTake()).as("nine tenths of a token").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(bucket.tryTake()).isTrue();
    }

    @Test
    void take_refusesWithoutSpendingAToken() {
        Bucket bucket = new Bucket(TokenBucket.of(100, 1, clock::nanoTime));
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
        assertThat(bucket.tryTake()).as("a refusal takes nothing").isFalse();
        clock.advance(Duration.ofMillis(10));
        assertThat(bucket.tryTake()).isTrue();
    }
}
