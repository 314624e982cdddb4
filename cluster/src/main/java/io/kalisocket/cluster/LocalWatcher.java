package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps Redis's list of this node's connections in step with the node: registers a connection when core says it
 * opened (and before any write that concerns it), forgets it with all its memberships when core says it closed.
 * A reconcile tick compares the local list with what was registered and repairs what a failed write left behind;
 * after a Redis outage the node's re-announcement resets it.
 */
final class LocalWatcher {

    private final Gateway local;
    private final Membership membership;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    LocalWatcher(Gateway local, Membership membership) {
        this.local = local;
        this.membership = membership;
    }

    /**
     * Registers a local connection now, if not yet done.
     *
     * @param clientId an open local connection
     */
    void ensure(String clientId) {
        if (!registered.contains(clientId)) {
            membership.register(List.of(clientId));
            registered.add(clientId);
        }
    }

    /** @param clientId a connection that opened on this node (core's hook) */
    void opened(String clientId) {
        ensure(clientId);
    }

    /**
     * @param clientId a connection that left this node (core's hook); one handed over to another node has been
     *     {@link #forget forgotten} first and is left alone
     */
    void closed(String clientId) {
        if (registered.remove(clientId)) {
            try {
                membership.drop(membership.self(), List.of(clientId), false);
            } catch (RuntimeException e) {
                registered.add(clientId); // the next tick retries
                throw e;
            }
        }
    }

    /** Registers connections opened and forgets connections closed that the hooks' writes missed. */
    void tick() {
        List<String> open = local.getAllClientIdList();
        Set<String> openSet = new HashSet<>(open);
        List<String> fresh = new ArrayList<>();
        for (String id : open) {
            if (!registered.contains(id)) {
                fresh.add(id);
            }
        }
        membership.register(fresh);
        registered.addAll(fresh);
        List<String> closed = new ArrayList<>();
        for (String id : registered) {
            if (!openSet.contains(id) && !local.isOnline(id)) {
                closed.add(id);
            }
        }
        if (!closed.isEmpty()) {
            membership.drop(membership.self(), closed, false);
            closed.forEach(registered::remove);
        }
    }

    /**
     * @param clientId a connection claimed by this node, or that may have been (a claim whose answer was lost): Redis
     *     lists it here already, and the tick drops it unless it is open here
     */
    void adopt(String clientId) {
        registered.add(clientId);
    }

    /** @param clientId a connection another node claimed: Redis lists it there now, it is not to be dropped */
    void forget(String clientId) {
        registered.remove(clientId);
    }

    /** @param clientIds exactly the connections Redis now lists for this node (after a re-announcement) */
    void reset(Collection<String> clientIds) {
        registered.clear();
        registered.addAll(clientIds);
    }

    /** @return the number of connections registered in Redis by this node */
    int registeredCount() {
        return registered.size();
    }
}
