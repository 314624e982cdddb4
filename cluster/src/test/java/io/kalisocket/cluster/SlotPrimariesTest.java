package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A node announces itself again when a promoted replica serves slots (it may miss the last writes to them), not when
 * a resharding moves slots between primaries that served slots already, nor while a failing primary's slots are
 * served by no one.
 */
class SlotPrimariesTest {

    private final SlotPrimaries primaries = new SlotPrimaries();

    @Test
    void theFirstViewAndTheSameViewAgain_tellNothing() {
        assertThat(primaries.promotedSince(firstThirdServedBy("p1"))).isFalse();
        assertThat(primaries.promotedSince(firstThirdServedBy("p1"))).isFalse();
    }

    @Test
    void aReplicaPromotedInAPrimarysPlace_isTold_once() {
        primaries.promotedSince(firstThirdServedBy("p1"));

        assertThat(primaries.promotedSince(firstThirdServedBy("r1"))).isTrue();
        assertThat(primaries.promotedSince(firstThirdServedBy("r1"))).isFalse();
    }

    @Test
    void slotsServedByNoOneWhileTheirPrimaryFails_thenByItsPromotedReplica_isTold() {
        primaries.promotedSince(firstThirdServedBy("p1"));

        assertThat(primaries.promotedSince(view(primary("p2", 5461, 10922), primary("p3", 10923, 16383)))).isFalse();
        assertThat(primaries.promotedSince(firstThirdServedBy("r1"))).isTrue();
    }

    @Test
    void aReshardingBetweenPrimaries_isNotTold() {
        primaries.promotedSince(firstThirdServedBy("p1"));

        assertThat(primaries.promotedSince(view(primary("p1", 0, 5400), primary("p2", 5401, 10922),
                primary("p3", 10923, 16383)))).isFalse();
    }

    /** @return three primaries, the first third of the slots on the one named, the others on p2 and p3 */
    private static Partitions firstThirdServedBy(String id) {
        return view(primary(id, 0, 5460), primary("p2", 5461, 10922), primary("p3", 10923, 16383));
    }

    private static Partitions view(RedisClusterNode... nodes) {
        Partitions view = new Partitions();
        view.addAll(List.of(nodes));
        view.updateCache();
        return view;
    }

    private static RedisClusterNode primary(String id, int from, int to) {
        List<Integer> slots = new ArrayList<>();
        IntStream.rangeClosed(from, to).forEach(slots::add);
        return new RedisClusterNode(RedisURI.create("redis://127.0.0.1:7000"), id, true, null, 0, 0, 1, slots,
                EnumSet.of(NodeFlag.UPSTREAM));
    }
}
