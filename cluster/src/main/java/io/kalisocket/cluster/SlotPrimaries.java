package io.kalisocket.cluster;

import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Which primary serves each slot of a Redis Cluster, as Lettuce's successive views show it: tells when a promoted
 * replica took slots over, since it may miss the last writes to them. A resharding moves slots between primaries
 * that served slots already and loses nothing (a migration copies before it switches), so it is not told. One thread
 * looks ({@link ShardedRedis#followTopology}'s).
 */
final class SlotPrimaries {

    /** The node id of the primary serving each slot in the last view; null for a slot no view served yet. */
    private final String[] primaryOfSlot = new String[SlotHash.SLOT_COUNT];
    /** The node ids of the primaries serving a slot in the last view. */
    private Set<String> primaries = Set.of();

    /**
     * @param view Lettuce's latest view
     * @return true when a slot is served by another primary than before, one that served no slot in the view before
     *     (a promoted replica); false for the first view
     */
    boolean promotedSince(Partitions view) {
        Set<String> now = new HashSet<>();
        boolean promoted = false;
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            RedisClusterNode owner = view.getMasterBySlot(slot);
            String id = owner == null ? null : owner.getNodeId();
            if (id == null) {
                continue; // not served in this view (a primary failing): compared again once it is
            }
            now.add(id);
            if (primaryOfSlot[slot] != null && !primaryOfSlot[slot].equals(id) && !primaries.contains(id)) {
                promoted = true;
            }
            primaryOfSlot[slot] = id;
        }
        primaries = now;
        return promoted;
    }
}
