package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the notices that arrive on this node's channels to its local gateway: deliveries go to the
 * local connections (one encoding per notice, shared by all recipients), membership changes made by other
 * nodes update the local indexes. Runs on the subscriber's thread, in arrival order, without blocking.
 */
final class NodeInbox {

    private static final Logger log = LoggerFactory.getLogger(NodeInbox.class);

    private final Gateway local;
    private final Notice.Codec codec;
    private final ObjectMapper json;
    private final ClusterStats stats;
    private final OwnerWrites ownerWrites;
    private final Executor writer;
    private final RecoveryStreams recovery;
    private final ClaimGate gate;
    private final OwnerRequests requests;

    /**
     * @param local this node's gateway
     * @param codec reads notices
     * @param stats counts them
     * @param ownerWrites write, from this node, a membership change another node asked for a local connection
     * @param writer runs those writes later, off this thread, one at a time and after any re-announcement in progress
     * @param recovery lets connections go that other nodes claimed ({@code moved}, {@code yield})
     * @param gate leaves out of a delivery the connections it reaches on another node ({@link RouteStamp})
     * @param requests this node's requests to other nodes, which their answers complete
     */
    NodeInbox(Gateway local, Notice.Codec codec, ClusterStats stats, OwnerWrites ownerWrites, Executor writer,
            RecoveryStreams recovery, ClaimGate gate, OwnerRequests requests) {
        this.gate = gate;
        this.requests = requests;
        this.local = local;
        this.ownerWrites = ownerWrites;
        this.writer = writer;
        this.recovery = recovery;
        this.codec = codec;
        this.json = codec.json();
        this.stats = stats;
    }

    /** @param text a notice, as received; call it through {@link ClaimGate#deliver} */
    void accept(String text) {
        try {
            Notice notice = codec.parse(text);
            if (notice.from().equals(codec.self()) && "a".equals(notice.op())) {
                return; // our own sendToAll: delivered locally already
            }
            stats.received(notice.op());
            apply(notice);
        } catch (RuntimeException e) {
            stats.dropped();
            log.error("cluster notice dropped: {}", text.length() > 200 ? text.substring(0, 200) + "..." : text, e);
        }
    }

    private void apply(Notice n) {
        JsonNode h = n.header();
        int delivered = switch (n.op()) {
            case "c", "u", "g", "a" -> gate.deliverRouted(local, Addressed.of(h), RouteStamp.of(h), n.payload());
            default -> {
                control(n, h.path("id").asText(), h.path("arg").asText());
                yield 0;
            }
        };
        stats.delivered(delivered);
    }

    private void control(Notice n, String id, String arg) {
        JsonNode h = n.header();
        switch (n.op()) {
            case "moved" -> {
                recovery.moved(id, RouteStamp.versions(h.path("sw")));
                return;
            }
            case "yield" -> {
                recovery.yielded(id);
                return;
            }
            case "ack" -> {
                requests.answered(h.path("rq").asText(), h.path("r").asLong());
                return;
            }
            case "close" -> {
                if (n.payload() == null) {
                    local.closeClient(id);
                } else {
                    local.closeClient(id, n.payload());
                }
            }
            case "bind" -> local.bindUid(id, arg);
            case "unbind" -> local.unbindUid(id, arg);
            case "join" -> local.joinGroup(id, arg);
            case "leave" -> local.leaveGroup(id, arg);
            case "ungroup" -> {
                List<String> members = local.getClientIdListByGroup(arg);
                local.ungroup(arg);
                if (!members.isEmpty()) {
                    writer.execute(() -> ownerWrites.ungrouped(arg, members));
                }
            }
            case "sess" -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> entries = json.convertValue(h.path("e"), Map.class);
                if (h.path("replace").asBoolean()) {
                    local.setSession(id, entries);
                } else {
                    local.updateSession(id, entries);
                }
            }
            default -> throw new IllegalArgumentException("unknown op " + n.op());
        }
        if (!"close".equals(n.op()) && !"ungroup".equals(n.op())) { // a request: this node is the writer
            if (local.isOnline(id)) {
                writer.execute(() -> ownerWrites.accept(n));
            } else {
                ownerWrites.notHeld(n);
            }
        }
    }
}
