package io.kalisocket.internal.admin;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.server.NodeStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code /connections} shows, like Workerman's {@code connections}: one row per open connection (client
 * id, real ip, socket peer, uid, groups, age, messages in and out), oldest first, at most {@code limit} rows.
 */
public final class ConnectionsReport {

    /** Rows shown when the request names no limit. */
    public static final int DEFAULT_LIMIT = 1_000;

    private final NodeStatus server;

    /** @param server the server whose connections are listed */
    public ConnectionsReport(NodeStatus server) {
        this.server = server;
    }

    /**
     * @param limit most rows to return
     * @return {@code total} (all open connections) and {@code connections} (the rows)
     */
    public Map<String, Object> build(int limit) {
        long now = System.currentTimeMillis();
        List<ChannelConnection> all = new ArrayList<>(server.connections().all());
        all.sort(Comparator.comparingLong(ChannelConnection::openedAtMillis));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelConnection c : all.subList(0, Math.min(limit, all.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("client_id", c.id());
            row.put("ip", c.ip());
            row.put("peer", c.remoteAddress() == null ? "" : c.remoteAddress().getAddress().getHostAddress()
                    + ":" + c.remoteAddress().getPort());
            row.put("uid", c.uid().orElse(""));
            Set<String> groups = c.groupsIfAny();
            row.put("groups", groups == null ? List.of() : List.copyOf(groups));
            row.put("age_seconds", (now - c.openedAtMillis()) / 1000);
            row.put("messages_in", c.socket().messagesIn());
            row.put("messages_out", c.socket().messagesOut());
            rows.add(row);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("node", server.nodeId());
        r.put("total", all.size());
        r.put("connections", rows);
        return r;
    }
}
