package io.kalisocket.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a delivery routed to a node carries about connection recovery's claims as they stood when Redis routed it:
 * the node's claim counters and the connections claimed away from it that it still held. Publishes to node channels
 * run after the routing script (the channels live in slots of their own on a Redis Cluster), so a delivery can
 * reach a node after a claim that it was routed before, or before one it was routed after; the receiving node
 * compares the stamp with the claims it knows ({@link ClaimGate#skipped}, {@link ClaimGate#handOn}) and each moving
 * connection gets the delivery exactly once, on one side.
 *
 * @param claims how many connections the node had claimed ({@code ks:claims:<node>})
 * @param away how many connections had been claimed away from it ({@code ks:away:<node>})
 * @param moved connections claimed away from it that it had not let go yet ({@code ks:mf:<node>})
 */
record RouteStamp(long claims, long away, List<String> moved) {

    /** A stamp read from a script's answer, and where the answer goes on. */
    record Read(String node, RouteStamp stamp, int next) {
    }

    /**
     * Reads one stamp as the scripts write it ({@code stamp} in {@code lua/lib.lua}): node, claims, away, the count
     * of moved connections, then their ids.
     *
     * @param answer a script's answer
     * @param at where the stamp starts
     * @return the stamp, its node and the index after it
     */
    static Read read(List<Object> answer, int at) {
        String node = String.valueOf(answer.get(at));
        long claims = (Long) answer.get(at + 1);
        long away = (Long) answer.get(at + 2);
        int count = Math.toIntExact((Long) answer.get(at + 3));
        List<String> moved = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            moved.add(String.valueOf(answer.get(at + 4 + i)));
        }
        return new Read(node, new RouteStamp(claims, away, List.copyOf(moved)), at + 4 + count);
    }

    /** @param header a notice's header to stamp ({@code cl}, {@code aw}, {@code mf}) */
    void writeTo(ObjectNode header) {
        header.put("cl", claims).put("aw", away);
        if (!moved.isEmpty()) {
            moved.forEach(header.putArray("mf")::add);
        }
    }

    /** @param header a notice's header (or the entry of {@code st} for this node) @return its stamp, or null */
    static RouteStamp of(JsonNode header) {
        if (header == null || !header.has("cl")) {
            return null; // not routed by a script (a push handed on by a connection's old node): for it alone
        }
        List<String> moved = new ArrayList<>();
        header.path("mf").forEach(id -> moved.add(id.asText()));
        return new RouteStamp(header.path("cl").asLong(), header.path("aw").asLong(), List.copyOf(moved));
    }
}
