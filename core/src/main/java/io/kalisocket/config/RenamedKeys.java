package io.kalisocket.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The old names of renamed sections, still read in every source (file, environment, flags, an application's
 * defaults): an old key is read as its new one, and each old key used is logged once per load at WARN, naming
 * the new key. Giving the old and the new name of one key in the same source is an error that names both;
 * across sources the later one wins, as for any key.
 *
 * <p>Renamed so far: {@code gateway} to {@code connect-actions} ({@code gateway.enabled} is
 * {@code connect-actions.enabled}, and so on for every key of the section).
 */
final class RenamedKeys {

    /** Old section name to its new one. */
    static final Map<String, String> SECTIONS = Map.of("gateway", "connect-actions");

    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

    private final UnknownKeys problems;
    private final Map<String, String> used = new LinkedHashMap<>();

    /** @param problems where a key given under both names is reported */
    RenamedKeys(UnknownKeys problems) {
        this.problems = problems;
    }

    /**
     * Reads one source of dotted keys under the new names.
     *
     * @param source dotted keys to values, as given
     * @param spelling how the source writes a dotted key (itself, or its environment variable), for messages
     * @return the same values under the new names, in the source's order; a key given under both names is left out
     */
    Map<String, String> rename(Map<String, String> source, UnaryOperator<String> spelling) {
        Map<String, String> renamed = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            String now = newName(key);
            if (now == null) {
                renamed.put(key, value);
            } else if (source.containsKey(now)) {
                bothGiven(spelling.apply(key), spelling.apply(now));
            } else {
                used.putIfAbsent(spelling.apply(key), spelling.apply(now));
                renamed.put(now, value);
            }
        });
        return renamed;
    }

    /**
     * Moves the keys of old sections of a YAML file into the new sections, in place.
     *
     * @param file the file's top-level mapping
     */
    void rename(ObjectNode file) {
        SECTIONS.forEach((old, now) -> {
            JsonNode section = file.remove(old);
            if (section == null) {
                return;
            }
            if (!section.isObject()) {
                problems.addProblem(old, "expected a mapping of keys, not a value");
                return;
            }
            JsonNode existing = file.get(now);
            if (existing != null && !existing.isObject()) {
                return; // the new section's own problem is reported when the file is merged
            }
            ObjectNode target = existing == null ? file.putObject(now) : (ObjectNode) existing;
            for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (target.has(e.getKey())) {
                    bothGiven(old + "." + e.getKey(), now + "." + e.getKey());
                } else {
                    used.putIfAbsent(old + "." + e.getKey(), now + "." + e.getKey());
                    target.set(e.getKey(), e.getValue());
                }
            }
        });
    }

    /** Logs each old key read by this load, once, at WARN. */
    void warnDeprecated() {
        used.forEach((old, now) -> log.warn("configuration: {} is deprecated, use {} (the old name still works for now)",
                old, now));
    }

    /** @param key a dotted key @return its new name when its section was renamed, else null */
    static String newName(String key) {
        int dot = key.indexOf('.');
        String now = dot > 0 ? SECTIONS.get(key.substring(0, dot)) : null;
        return now == null ? null : now + key.substring(dot);
    }

    private void bothGiven(String old, String now) {
        problems.addProblem(old, "deprecated name of " + now + ", which is also given; keep only " + now);
    }
}
