package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@link UserIndex}: a user's hash holds each connection with the node holding it and its epoch (the claims that moved
 * it so far); a claim's switch wins over a late write of the node the connection left, and the list of users with a
 * connection follows the hashes.
 */
class UserIndexTest {

    private static final String ID = "a-0-1";

    @AutoClose
    private final LinkOnRedis redisLink = new LinkOnRedis();
    private final Keys keys = redisLink.keys();
    private final RedisCommands<String, String> redis = redisLink.redis();

    private UserIndex on(String node) {
        return new UserIndex(redisLink.link(), new NodeChannels(redisLink.link(), keys), keys, node);
    }

    @Test
    void add_recordsTheNodeAndEpoch_andListsTheUser() {
        on("a").add(ID, "ann", "a", 0).join();
        assertThat(redis.hget(keys.uid("ann"), ID)).isEqualTo("a|0");
        assertThat(redis.smembers(keys.uids())).containsExactly("ann");
    }

    @Test
    void aClaimsSwitch_winsOverALateWriteOfTheNodeTheConnectionLeft() {
        on("a").add(ID, "ann", "a", 0).join();
        long version = on("b").switchHere(ID, "ann", 1, "a").join();
        assertThat(version).isEqualTo(1);
        assertThat(redis.hget(keys.movedFrom("u:ann"), ID)).as("marked as held by a until it lets go").isEqualTo("a");

        on("a").add(ID, "ann", "a", 0).join(); // a's bind, written after the claim
        on("a").remove(ID, "ann", 0).join(); // a's unbind, alike
        assertThat(redis.hget(keys.uid("ann"), ID)).isEqualTo("b|1");

        on("b").remove(ID, "ann", 1).join();
        assertThat(redis.exists(keys.uid("ann"))).isZero();
        assertThat(redis.smembers(keys.uids())).as("no connection left: unlisted").isEmpty();
    }

    @Test
    void route_answersTheOtherNodesHoldingTheUser_andItsStampOnceSwitched() {
        on("a").add(ID, "ann", "a", 0).join();
        on("b").add("b-0-1", "ann", "b", 0).join();
        assertThat(on("b").route("ann").join()).containsExactly(1L, 1L, "a", 0L);
        on("b").switchHere(ID, "ann", 1, "a").join();
        assertThat(on("c").route("ann").join()).containsExactly(2L, 1L, "b", 1L, "u:ann", 1L, 1L, ID, "a");
    }
}
