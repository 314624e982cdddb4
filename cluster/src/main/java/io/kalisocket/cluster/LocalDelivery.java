package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deliveries to this node's connections that leave some out: connections in the middle of moving between nodes
 * (connection recovery), which get the message by another way.
 */
final class LocalDelivery {

    private LocalDelivery() {
    }

    /**
     * @param local this node's gateway
     * @param uids the users
     * @param payload the message
     * @param skip connections not to deliver to
     * @return the number of connections handed the message
     */
    static int toUids(Gateway local, Collection<String> uids, String payload, Collection<String> skip) {
        if (skip.isEmpty()) {
            return local.sendToUids(uids, payload);
        }
        Set<String> mine = new LinkedHashSet<>();
        uids.forEach(uid -> mine.addAll(local.getClientIdByUid(uid)));
        mine.removeAll(skip);
        return local.sendToClients(mine, payload);
    }

    /** @param exclude ids excluded by the sender @param skip more to leave out @return both */
    static String[] excluding(String[] exclude, Collection<String> skip) {
        if (skip.isEmpty()) {
            return exclude;
        }
        List<String> all = new ArrayList<>(Arrays.asList(exclude));
        all.addAll(skip);
        return all.toArray(String[]::new);
    }
}
