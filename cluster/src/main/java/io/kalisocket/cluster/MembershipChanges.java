package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A membership change (uid, group, session) made on this node, written where the connection is. For a connection of
 * this node: Redis first, then the node's memory, apart from any re-announcement ({@link AnnounceFence}); for one of
 * another node: Redis, with a notice in the same script that its node applies (and writes again, {@link OwnerWrites}).
 * Either way a failed write throws {@link ClusterUnavailableException} and changes nothing here.
 */
final class MembershipChanges {

    private final Gateway local;
    private final SendRouter router;
    private final LocalWatcher watcher;
    private final Membership membership;
    private final Notice.Codec codec;
    private final AnnounceFence fence;

    MembershipChanges(Gateway local, SendRouter router, LocalWatcher watcher, Membership membership,
            Notice.Codec codec, AnnounceFence fence) {
        this.local = local;
        this.router = router;
        this.watcher = watcher;
        this.membership = membership;
        this.codec = codec;
        this.fence = fence;
    }

    void bind(String clientId, String uid) {
        Gateway.checkName(uid, "uid");
        change("bindUid", clientId, notice -> membership.bind(clientId, uid, notice),
                () -> local.bindUid(clientId, uid), () -> codec.control("bind", clientId, uid));
    }

    void unbind(String clientId, String uid) {
        change("unbindUid", clientId, notice -> membership.unbind(clientId, uid, notice),
                () -> local.unbindUid(clientId, uid), () -> codec.control("unbind", clientId, uid));
    }

    void join(String clientId, String group) {
        Gateway.checkName(group, "group");
        change("joinGroup", clientId, notice -> membership.join(clientId, group, notice),
                () -> local.joinGroup(clientId, group), () -> codec.control("join", clientId, group));
    }

    void leave(String clientId, String group) {
        change("leaveGroup", clientId, notice -> membership.leave(clientId, group, notice),
                () -> local.leaveGroup(clientId, group), () -> codec.control("leave", clientId, group));
    }

    /** @param group dissolved on every node: its holders get the notice, this node's members leave here */
    void ungroup(String group) {
        fence.change(() -> {
            membership.await("ungroup", membership.ungroup(group, codec.control("ungroup", "", group)));
            local.ungroup(group);
        });
    }

    void session(String clientId, boolean replace, Map<String, ?> entries) {
        change(replace ? "setSession" : "updateSession", clientId,
                notice -> membership.session(clientId, replace, entries, notice), () -> {
                    if (replace) {
                        local.setSession(clientId, entries);
                    } else {
                        local.updateSession(clientId, entries);
                    }
                }, () -> codec.session(clientId, replace, entries));
    }

    /**
     * @param operation the gateway call, for the error message
     * @param clientId the connection changed
     * @param write the script, given the notice for the connection's node ({@code ""} for none)
     * @param applyHere the same change in this node's memory, for a connection of this node
     * @param notice the notice for another node's connection
     */
    private void change(String operation, String clientId, Function<String, CompletableFuture<Long>> write,
            Runnable applyHere, Supplier<String> notice) {
        if (router.isLocal(clientId)) {
            watcher.ensure(clientId); // registered in Redis before anything is recorded for it
            fence.change(() -> {
                membership.await(operation, write.apply(""));
                applyHere.run();
            });
        } else {
            membership.await(operation, write.apply(notice.get()));
        }
    }
}
