package io.kalisocket.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.gateway.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes, from the node holding a connection (its one writer), a membership change another node asked for
 * ({@link OwnerRequests}), once the inbox applied it to this node's memory, and answers the asking node. Writes run
 * one at a time, in the order the requests came, so Redis ends as this node's memory does.
 */
final class OwnerWrites {

    private static final Logger log = LoggerFactory.getLogger(OwnerWrites.class);

    private final Membership membership;
    private final LocalWatcher watcher;
    private final ObjectMapper json;
    private final NodeChannels channels;
    private final Notice.Codec codec;

    private final Gateway local;

    OwnerWrites(Membership membership, LocalWatcher watcher, Gateway local, NodeChannels channels,
            Notice.Codec codec) {
        this.local = local;
        this.membership = membership;
        this.watcher = watcher;
        this.channels = channels;
        this.codec = codec;
        this.json = codec.json();
    }

    /** @param notice a membership request already applied to an open local connection: writes it and answers */
    void accept(Notice notice) {
        JsonNode h = notice.header();
        String id = h.path("id").asText();
        String arg = h.path("arg").asText();
        long result;
        try {
            watcher.ensure(id);
            CompletableFuture<Long> write = switch (notice.op()) {
                case "bind" -> membership.bind(id, arg);
                case "unbind" -> membership.unbind(id, arg);
                case "join" -> membership.join(id, arg);
                case "leave" -> membership.leave(id, arg);
                case "sess" -> membership.session(id, h.path("replace").asBoolean(), entries(h.path("e")));
                default -> CompletableFuture.completedFuture(0L);
            };
            membership.await("apply " + notice.op() + " from node " + notice.from(), write);
            result = OwnerRequests.WRITTEN;
        } catch (RuntimeException e) {
            log.warn("cluster: {} of {} asked by node {} not written: {}", notice.op(), id, notice.from(),
                    e.toString());
            result = OwnerRequests.FAILED;
        }
        answer(notice, result);
    }

    /** @param notice a membership request for a connection this node does not hold: answers so */
    void notHeld(Notice notice) {
        answer(notice, OwnerRequests.NOT_HELD);
    }

    private void answer(Notice notice, long result) {
        String requestId = notice.header().path("rq").asText("");
        if (!requestId.isEmpty()) {
            channels.tell(notice.from(), codec.answer(requestId, result));
        }
    }

    /**
     * After another node dissolved a group: removes from Redis again the members this node had, unless they joined it
     * anew since. A re-announcement that read them as members just before the notice came may have written them back.
     *
     * @param group the dissolved group
     * @param members its members on this node when the notice came
     */
    void ungrouped(String group, List<String> members) {
        Set<String> now = Set.copyOf(local.getClientIdListByGroup(group));
        List<CompletableFuture<Long>> writes = new ArrayList<>();
        for (String id : members) {
            if (!now.contains(id)) {
                writes.add(membership.leave(id, group));
            }
        }
        writes.forEach(w -> membership.await("apply ungroup", w));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> entries(JsonNode e) {
        return json.convertValue(e, Map.class);
    }
}
