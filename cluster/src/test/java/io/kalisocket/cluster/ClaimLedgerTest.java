package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link ClaimLedger}: the connections claimed lately, by claim number, kept for {@link ClaimLedger#KEEP} of the
 * server's clock (a fake one here: time moves only when the test says).
 */
class ClaimLedgerTest {

    private final FakeClock clock = new FakeClock();
    private final ClaimLedger<String> ledger = new ClaimLedger<>(clock);

    @Test
    void after_nothingClaimed() {
        assertThat(ledger.after(0)).isEmpty();
    }

    @Test
    void after_listsTheConnectionsClaimedAfterTheCounter() {
        ledger.add("a", 3);
        ledger.add("b", 5);
        assertThat(ledger.after(2)).containsExactlyInAnyOrder("a", "b");
        assertThat(ledger.after(3)).containsExactly("b");
        assertThat(ledger.after(5)).isEmpty();
    }

    @Test
    void add_keepsAnEntryForTheWholeKeepTime() {
        ledger.add("a", 1);
        clock.advance(ClaimLedger.KEEP);
        ledger.add("b", 2);
        assertThat(ledger.after(0)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void add_forgetsEntriesOlderThanTheKeepTime() {
        ledger.add("a", 1);
        clock.advance(ClaimLedger.KEEP.plus(Duration.ofNanos(1)));
        ledger.add("b", 2);
        assertThat(ledger.after(0)).containsExactly("b");
    }

    @Test
    void add_ofAKeyAgainReplacesItsNumber() {
        ledger.add("a", 1);
        ledger.add("a", 7);
        assertThat(ledger.after(1)).containsExactly("a");
    }
}
