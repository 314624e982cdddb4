package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A membership change (uid, group, session) made on this node, written where the connection is. For a connection of
 * this node: Redis first, then the node's memory, apart from any re-announcement ({@link AnnounceFence}); for one of
 * another node: a request to that node, the connection's one writer, which applies and writes it ({@link OwnerWrites})
 * and answers ({@link OwnerRequests}). Either way a failed write throws {@link ClusterUnavailableException}.
 */
final class MembershipChanges {

    private final Gateway local;
    private final SendRouter router;
    private final LocalWatcher watcher;
    private final Membership membership;
    private final Notice.Codec codec;
    private final AnnounceFence fence;
    private final OwnerRequests requests;

    MembershipChanges(Gateway local, SendRouter router, LocalWatcher watcher, Membership membership,
            Notice.Codec codec, AnnounceFence fence, OwnerRequests requests) {
        this.requests = requests;
        this.local = local;
        this.router = router;
        this.watcher = watcher;
        this.membership = membership;
        this.codec = codec;
        this.fence = fence;
    }

    void bind(String clientId, String uid) {
        Gateway.checkName(uid, "uid");
        change("bindUid", clientId, () -> membership.bind(clientId, uid),
                () -> local.bindUid(clientId, uid), rq -> codec.request("bind", clientId, uid, rq));
    }

    void unbind(String clientId, String uid) {
        change("unbindUid", clientId, () -> membership.unbind(clientId, uid),
                () -> local.unbindUid(clientId, uid), rq -> codec.request("unbind", clientId, uid, rq));
    }

    void join(String clientId, String group) {
        Gateway.checkName(group, "group");
        change("joinGroup", clientId, () -> membership.join(clientId, group),
                () -> local.joinGroup(clientId, group), rq -> codec.request("join", clientId, group, rq));
    }

    void leave(String clientId, String group) {
        change("leaveGroup", clientId, () -> membership.leave(clientId, group),
                () -> local.leaveGroup(clientId, group), rq -> codec.request("leave", clientId, group, rq));
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
                () -> membership.session(clientId, replace, entries), () -> {
                    if (replace) {
                        local.setSession(clientId, entries);
                    } else {
                        local.updateSession(clientId, entries);
                    }
                }, rq -> codec.session(clientId, replace, entries, rq));
    }

    /**
     * @param operation the gateway call, for the error message
     * @param clientId the connection changed
     * @param write the script, for a connection of this node
     * @param applyHere the same change in this node's memory, for a connection of this node
     * @param request the request to the node holding another node's connection, given the request's id
     */
    private void change(String operation, String clientId, Supplier<CompletableFuture<Long>> write,
            Runnable applyHere, Function<String, String> request) {
        if (router.isLocal(clientId)) {
            watcher.ensure(clientId); // registered in Redis before anything is recorded for it
            fence.change(() -> {
                membership.await(operation, write.get());
                applyHere.run();
            });
        } else {
            requests.ask(operation, clientId, request);
        }
    }
}
