package io.kalisocket.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Collects the unknown keys of one load, so that all of them are reported at once, each with the known key
 * it most likely means ({@code server.prot: unknown key (did you mean server.port?)}).
 */
final class UnknownKeys {

    private final List<String> known = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** @param defaults the configuration tree with every default: its paths are the known keys */
    UnknownKeys(JsonNode defaults) {
        collect(defaults, "");
    }

    /** @param key a dotted key that is not in the tree */
    void add(String key) {
        String guess = closest(key);
        problems.add(key + ": unknown key" + (guess == null ? "" : " (did you mean " + guess + "?)"));
    }

    /** @param key a key whose value has the wrong shape @param problem what is wrong */
    void addProblem(String key, String problem) {
        problems.add(key + ": " + problem);
    }

    /** @return every problem found so far, each {@code key: problem}, in the order found */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void collect(JsonNode node, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            known.add(key);
            if (e.getValue().isObject()) {
                collect(e.getValue(), key + ".");
            }
        }
    }

    /** @return the known key at the smallest edit distance, when it is close enough to be a typo */
    private String closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
