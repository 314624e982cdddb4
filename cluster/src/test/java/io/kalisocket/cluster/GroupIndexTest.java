package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupIndex}: a group's hash holds each member with the node holding it and its epoch, and counts the members
 * per node; a claim's switch moves the count and wins over a late write of the node the member left.
 */
class GroupIndexTest {

    private static final String ID = "a-0-1";

    @AutoClose
    private final LinkOnRedis redisLink = new LinkOnRedis();
    private final Keys keys = redisLink.keys();
    private final RedisCommands<String, String> redis = redisLink.redis();

    private GroupIndex on(String node) {
        return new GroupIndex(redisLink.link(), keys, node);
    }

    @Test
    void aClaimsSwitch_movesTheMembersCount_andWinsOverALateWriteOfTheNodeItLeft() {
        on("a").add(ID, "r1", 0).join();
        on("a").add("a-0-2", "r1", 0).join();
        assertThat(redis.hgetall(keys.groupNodes("r1"))).isEqualTo(Map.of("a", "2"));
        assertThat(redis.smembers(keys.groups())).containsExactly("r1");

        assertThat(on("b").switchHere(ID, "r1", 1, "a").join()).isEqualTo(1);
        assertThat(redis.hgetall(keys.groupNodes("r1"))).isEqualTo(Map.of("a", "1", "b", "1"));
        on("a").add(ID, "r1", 0).join(); // a's join, written after the claim
        on("a").remove(ID, "r1", 0).join(); // a's leave, alike
        assertThat(redis.hget(keys.group("r1"), ID)).isEqualTo("b|1");

        assertThat(on("c").route("r1", List.of()).join())
                .containsExactly(2L, 2L, "a", "b", 1L, "g:r1", 1L, 1L, ID, "a");
        assertThat(on("a").route("r1", List.of("a-0-2", ID)).join()).as("the excluded not counted")
                .startsWith(0L, 1L, "b");
    }

    @Test
    void theLastMemberLeaving_deletesTheCounts_andUnlistsTheGroup() {
        on("a").add(ID, "r1", 0).join();
        on("a").remove(ID, "r1", 0).join();
        assertThat(redis.exists(keys.group("r1"), keys.groupNodes("r1"))).isZero();
        assertThat(redis.smembers(keys.groups())).isEmpty();
    }

    @Test
    void dissolve_answersTheMembersAndTheNodesHoldingThem() {
        on("a").add(ID, "r1", 0).join();
        on("b").add("b-0-1", "r1", 0).join();
        GroupIndex.Dissolved dissolved = on("a").dissolve("r1").join();
        assertThat(dissolved.holders()).containsExactlyInAnyOrder("a", "b");
        assertThat(dissolved.members()).containsExactlyInAnyOrder(ID, "b-0-1");
        assertThat(redis.exists(keys.group("r1"), keys.groupNodes("r1"))).isZero();
    }
}
