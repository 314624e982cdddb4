package io.kalisocket.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a delivery carries about connection recovery's claims as they stood when Redis looked its recipients up: for
 * each entity it is for (a user {@code u:<uid>}, a group {@code g:<g>}, a connection {@code c:<cid>}, everyone
 * {@code a}) that a claim ever switched, the entity's version, and the connections switched away from a node that has
 * not let them go yet. Publishes run after the lookup, so a delivery can reach a node after a claim that it was
 * looked up before, or before one it was looked up after; the receiving node compares the stamp with the versions at
 * which the claims it knows switched each entity ({@link ClaimGate}), and each moving connection gets the delivery
 * exactly once, on one side. A lookup and a switch of the same entity are atomic to each other (one slot), which is
 * all this needs.
 *
 * @param versions entity -> version; an entity absent here is at version 0 (never switched, or not for an hour)
 * @param moved entity -> (connection -> the node it was switched away from), for those not let go yet
 */
record RouteStamp(Map<String, Long> versions, Map<String, Map<String, String>> moved) {

    /** The stamp of a lookup whose entities no claim ever switched. */
    static final RouteStamp NONE = new RouteStamp(Map.of(), Map.of());

    RouteStamp {
        versions = Map.copyOf(versions);
        moved = Map.copyOf(moved);
    }

    /**
     * Reads a stamp as the scripts write it ({@code stamped} in {@code lua/lib.lua}): E, then per entity its name,
     * version, M, and M pairs of connection and old node.
     *
     * @param answer a script's answer
     * @param at where the stamp starts
     * @return the stamp
     */
    static RouteStamp read(List<Object> answer, int at) {
        int entities = Math.toIntExact((Long) answer.get(at));
        if (entities == 0) {
            return NONE;
        }
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, Map<String, String>> moved = new LinkedHashMap<>();
        int i = at + 1;
        for (int e = 0; e < entities; e++) {
            String entity = String.valueOf(answer.get(i));
            versions.put(entity, (Long) answer.get(i + 1));
            int count = Math.toIntExact((Long) answer.get(i + 2));
            i += 3;
            if (count > 0) {
                Map<String, String> from = new LinkedHashMap<>();
                for (int m = 0; m < count; m++, i += 2) {
                    from.put(String.valueOf(answer.get(i)), String.valueOf(answer.get(i + 1)));
                }
                moved.put(entity, from);
            }
        }
        return new RouteStamp(versions, moved);
    }

    /** @param parts the stamps of one send's entities, each looked up in its own slot @return them as one stamp */
    static RouteStamp merge(List<RouteStamp> parts) {
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, Map<String, String>> moved = new LinkedHashMap<>();
        for (RouteStamp part : parts) {
            versions.putAll(part.versions());
            moved.putAll(part.moved());
        }
        return versions.isEmpty() && moved.isEmpty() ? NONE : new RouteStamp(versions, moved);
    }

    /** @param entity a user, group, connection or everyone @return its version when looked up */
    long version(String entity) {
        return versions.getOrDefault(entity, 0L);
    }

    /**
     * @param node a node
     * @param clientId one of its connections
     * @return true when a claim had switched the connection away from that node in one of the entities looked up
     *     (the node still holds it, and must leave it out: the lookup sent the delivery to the claiming node)
     */
    boolean movedAway(String node, String clientId) {
        for (Map<String, String> from : moved.values()) {
            if (node.equals(from.get(clientId))) {
                return true;
            }
        }
        return false;
    }

    /** @return the connections switched away from some node, in any entity looked up */
    Iterable<String> movedIds() {
        if (moved.isEmpty()) {
            return List.of(); // every delivery asks: nothing made for the usual case, no claim lately
        }
        return moved.values().stream().flatMap(from -> from.keySet().stream()).distinct()::iterator;
    }

    /** @param header a notice's header to stamp: {@code v} (empty when no entity was ever switched), {@code mf} */
    void writeTo(ObjectNode header) {
        versions.forEach(header.putObject("v")::put);
        if (!moved.isEmpty()) {
            ObjectNode byEntity = header.putObject("mf");
            moved.forEach((entity, from) -> from.forEach(byEntity.putObject(entity)::put));
        }
    }

    /**
     * @param object a JSON object of entity -> version ({@code v} of a delivery, {@code sw} of a {@code moved} notice)
     * @return its entries, in order
     */
    static Map<String, Long> versions(JsonNode object) {
        Map<String, Long> versions = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asLong()));
        return versions;
    }

    /**
     * @param header a notice's header
     * @return its stamp; null when it has none (not looked up: a push handed on to one connection by its old node)
     */
    static RouteStamp of(JsonNode header) {
        if (header == null || !header.has("v")) {
            return null;
        }
        Map<String, Long> versions = versions(header.path("v"));
        Map<String, Map<String, String>> moved = new LinkedHashMap<>();
        header.path("mf").fields().forEachRemaining(e -> {
            Map<String, String> from = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(m -> from.put(m.getKey(), m.getValue().asText()));
            moved.put(e.getKey(), from);
        });
        return versions.isEmpty() && moved.isEmpty() ? NONE : new RouteStamp(versions, moved);
    }
}
