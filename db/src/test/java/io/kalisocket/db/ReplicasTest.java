package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Replicas} on a fake clock. */
class ReplicasTest {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final AtomicLong clock = new AtomicLong(-5_000); // nanoTime may be negative
    private final Replicas<String> replicas = new Replicas<>(List.of("a", "b", "c"), RETRY_AFTER, clock::get);

    private List<String> pick(int times) {
        return IntStream.range(0, times).mapToObj(i -> replicas.pick().orElse("primary")).toList();
    }

    @Test
    void pick_roundRobin() {
        assertThat(pick(6)).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void pick_none_isEmpty() {
        assertThat(new Replicas<String>(List.of(), RETRY_AFTER, clock::get).pick()).isEmpty();
    }

    @Test
    void markDown_skippedUntilRetryAfter() {
        replicas.markDown("b");
        assertThat(pick(4)).containsExactly("a", "c", "c", "a");
        clock.addAndGet(RETRY_AFTER.minusNanos(1).toNanos());
        assertThat(pick(3)).doesNotContain("b");
        clock.addAndGet(1);
        assertThat(pick(3)).contains("b");
    }

    @Test
    void markDown_all_isEmpty() {
        replicas.all().forEach(replicas::markDown);
        assertThat(pick(3)).containsOnly("primary");
    }

    @Test
    void markDown_unknown_ignored() {
        replicas.markDown("z");
        assertThat(pick(3)).containsExactly("a", "b", "c");
    }
}
