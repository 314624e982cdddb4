package io.kalisocket.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.gateway.Presence.Entry;
import io.kalisocket.gateway.Presence.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one interval's frames carry: net changes, in order, at most so many entries a frame. */
class PresenceChangesTest {

    private final PresenceChanges changes = new PresenceChanges();

    @Test
    void drain_withoutChanges_isNoFrame() {
        assertThat(changes.drain(500)).isEmpty();
    }

    @Test
    void drain_carriesOnlineThenOffline_inTheOrderTheyHappened_andEmpties() {
        changes.online(entry("c"));
        changes.offline(entry("x"));
        changes.online(entry("a"));
        assertThat(changes.drain(500)).containsExactly(Frame.of(List.of(entry("c"), entry("a")), List.of(entry("x"))));
        assertThat(changes.size()).isZero();
        assertThat(changes.drain(500)).isEmpty();
    }

    @Test
    void aConnectionThatCameAndWent_isNoNews() {
        changes.online(entry("a"));
        changes.offline(entry("a"));
        assertThat(changes.drain(500)).isEmpty();
    }

    @Test
    void aConnectionThatWentAndCameBack_isNoNews() {
        changes.offline(entry("a"));
        changes.online(entry("a"));
        assertThat(changes.drain(500)).isEmpty();
    }

    @Test
    void drain_overTheCap_fillsEachFrame_onlineFirst() {
        for (String id : List.of("a", "b", "c")) {
            changes.online(entry(id));
        }
        changes.offline(entry("x"));
        changes.offline(entry("y"));
        assertThat(changes.drain(2)).containsExactly(
                Frame.of(List.of(entry("a"), entry("b")), List.of()),
                Frame.of(List.of(entry("c")), List.of(entry("x"))),
                Frame.of(List.of(), List.of(entry("y"))));
    }

    private static Entry entry(String clientId) {
        return new Entry(clientId, "u-" + clientId);
    }
}
