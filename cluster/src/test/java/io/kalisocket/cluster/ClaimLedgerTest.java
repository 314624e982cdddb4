package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ClaimLedger}: the connections claimed lately, each with the versions its claim switched its entities at,
 * kept for {@link ClaimLedger#KEEP} of the server's clock (a fake one here: time moves only when the test says).
 */
class ClaimLedgerTest {

    private final FakeClock clock = new FakeClock();
    private final ClaimLedger<String> ledger = new ClaimLedger<>(clock);

    @Test
    void where_nothingClaimed() {
        assertThat(ledger.where((id, switches) -> true)).isEmpty();
    }

    @Test
    void where_givesEachConnectionWithTheVersionsItsClaimSwitchedAt() {
        ledger.add("a", Map.of("u:ann", 3L));
        ledger.add("b", Map.of("u:bob", 5L));
        assertThat(ledger.where((id, switches) -> switches.getOrDefault("u:ann", 0L) > 2)).containsExactly("a");
        assertThat(ledger.where((id, switches) -> switches.containsKey("u:bob"))).containsExactly("b");
    }

    @Test
    void add_keepsAnEntryForTheWholeKeepTime() {
        ledger.add("a", Map.of("a", 1L));
        clock.advance(ClaimLedger.KEEP);
        ledger.add("b", Map.of("a", 2L));
        assertThat(ledger.where((id, switches) -> true)).containsExactlyInAnyOrder("a", "b");
        assertThat(ledger.recent()).isTrue();
    }

    @Test
    void add_forgetsEntriesOlderThanTheKeepTime() {
        ledger.add("a", Map.of("a", 1L));
        clock.advance(ClaimLedger.KEEP.plus(Duration.ofNanos(1)));
        assertThat(ledger.recent()).isFalse();
        ledger.add("b", Map.of("a", 2L));
        assertThat(ledger.where((id, switches) -> true)).containsExactly("b");
    }

    @Test
    void add_ofAKeyAgainReplacesItsVersions() {
        ledger.add("a", Map.of("a", 1L));
        ledger.add("a", Map.of("a", 7L));
        assertThat(ledger.where((id, switches) -> switches.get("a") == 7L)).containsExactly("a");
    }

    @Test
    void since_givesTheEntriesAddedFromThatTimeOn() {
        ledger.add("a", Map.of("a", 1L));
        clock.advance(Duration.ofMillis(1));
        long now = clock.nanoTime();
        ledger.add("b", Map.of("a", 2L));
        assertThat(ledger.since(now)).containsExactly("b");
    }
}
