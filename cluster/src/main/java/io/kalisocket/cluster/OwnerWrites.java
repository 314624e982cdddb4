package io.kalisocket.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.gateway.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Writes again, from the owning node, a membership change another node made to one of its connections.
 * The other node's write is skipped when the connection opened too recently to be registered; the owner
 * registers it and writes. Every write is idempotent, so writing twice is harmless, and the owner's write
 * comes last, so Redis ends as the owner's memory does.
 */
final class OwnerWrites {

    private final Membership membership;
    private final LocalWatcher watcher;
    private final ObjectMapper json;

    private final Gateway local;

    OwnerWrites(Membership membership, LocalWatcher watcher, Gateway local, ObjectMapper json) {
        this.local = local;
        this.membership = membership;
        this.watcher = watcher;
        this.json = json;
    }

    /** @param notice a membership notice already applied to an open local connection */
    void accept(Notice notice) {
        JsonNode h = notice.header();
        String id = h.path("id").asText();
        String arg = h.path("arg").asText();
        watcher.ensure(id);
        CompletableFuture<Long> write = switch (notice.op()) {
            case "bind" -> membership.bind(id, arg, "");
            case "unbind" -> membership.unbind(id, arg, "");
            case "join" -> membership.join(id, arg, "");
            case "leave" -> membership.leave(id, arg, "");
            case "sess" -> membership.session(id, h.path("replace").asBoolean(), entries(h.path("e")), "");
            default -> CompletableFuture.completedFuture(0L);
        };
        membership.await("apply " + notice.op() + " from node " + notice.from(), write);
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
                writes.add(membership.leave(id, group, ""));
            }
        }
        writes.forEach(w -> membership.await("apply ungroup", w));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> entries(JsonNode e) {
        return json.convertValue(e, Map.class);
    }
}
