package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void tryTake_allowsTheBurstThenRefusesUntilTimeRefills() {
        TokenBucket bucket = new TokenBucket(100, 200, now::get);
        for (int i = 0; i < 200; i++) {
            assertThat(bucket.tryTake()).as("message %d of the burst", i).isTrue();
        }
        assertThat(bucket.tryTake()).isFalse();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10)); // 100/s -> one token per 10 ms
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void tryTake_neverSavesMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 5, now::get);
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        int passed = 0;
        while (bucket.tryTake()) {
            passed++;
        }
        assertThat(passed).isEqualTo(5);
    }
}
