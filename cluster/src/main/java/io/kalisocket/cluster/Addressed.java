package io.kalisocket.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom a send is for, as every node reads it: client ids ({@code c}), users ({@code u}), groups ({@code g}) or
 * everyone ({@code a}), less the excluded client ids. Delivers to this node's connections, leaving out those in the
 * middle of moving between nodes (connection recovery), which get the message by another way.
 *
 * @param op {@code c}, {@code u}, {@code g} or {@code a}
 * @param targets the client ids, users or groups (none for everyone)
 * @param excluded client ids that must not get it
 */
record Addressed(String op, List<String> targets, List<String> excluded) {

    Addressed {
        targets = List.copyOf(targets);
        excluded = List.copyOf(excluded);
    }

    /** @param header a delivery notice's header @return whom it is for */
    static Addressed of(JsonNode header) {
        return new Addressed(header.path("op").asText(), strings(header.path("t")), strings(header.path("x")));
    }

    /** @param header a notice's header to write {@code t} and {@code x} into */
    void writeTo(ObjectNode header) {
        targets.forEach(header.putArray("t")::add);
        if (!excluded.isEmpty()) {
            excluded.forEach(header.putArray("x")::add);
        }
    }

    /** @param connection a connection of this node @return true when the send is for it */
    boolean test(Connection connection) {
        if (excluded.contains(connection.id())) {
            return false;
        }
        return switch (op) {
            case "c" -> targets.contains(connection.id());
            case "u" -> connection.uid().filter(targets::contains).isPresent();
            case "g" -> connection.groups().stream().anyMatch(targets::contains);
            default -> true;
        };
    }

    /**
     * The entity whose stamp decides, for a connection that moved between nodes, which of the two delivers this send:
     * the first, in name order, of the send's entities that the connection's claim switched (so both nodes pick the
     * same one, and a claim that switches its entities in name order one by one is seen consistently).
     *
     * @param clientId the connection
     * @param switches entity -> the version its claim switched it at
     * @return the entity, or null when the claim switched none of the send's (the connection is not a recipient)
     */
    String decider(String clientId, Map<String, Long> switches) {
        return switch (op) {
            case "c" -> targets.contains(clientId) ? present("c:" + clientId, switches) : null;
            case "a" -> present("a", switches);
            default -> targets.stream().map(t -> op + ":" + t).filter(switches::containsKey).sorted().findFirst()
                    .orElse(null);
        };
    }

    private static String present(String entity, Map<String, Long> switches) {
        return switches.containsKey(entity) ? entity : null;
    }

    /**
     * @param local this node's gateway
     * @param payload the message
     * @param skip connections not to deliver to
     * @return the number of connections handed the message
     */
    int deliver(Gateway local, String payload, Collection<String> skip) {
        return switch (op) {
            case "c" -> local.sendToClients(without(targets, skip), payload);
            case "u" -> toUids(local, payload, skip);
            case "g" -> local.sendToGroups(targets, payload, excluding(skip));
            case "a" -> local.sendToAll(payload, excluding(skip));
            default -> throw new IllegalArgumentException("not a delivery: " + op);
        };
    }

    private int toUids(Gateway local, String payload, Collection<String> skip) {
        if (skip.isEmpty()) {
            return local.sendToUids(targets, payload);
        }
        Set<String> mine = new LinkedHashSet<>();
        targets.forEach(uid -> mine.addAll(local.getClientIdByUid(uid)));
        mine.removeAll(skip);
        return local.sendToClients(mine, payload);
    }

    private String[] excluding(Collection<String> skip) {
        List<String> all = new ArrayList<>(excluded);
        all.addAll(skip);
        return all.toArray(String[]::new);
    }

    private static List<String> without(List<String> ids, Collection<String> skip) {
        if (skip.isEmpty()) {
            return ids;
        }
        List<String> left = new ArrayList<>(ids);
        left.removeAll(skip);
        return left;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
