package io.kalisocket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** Small JSON helpers for tests: build a message from name/value pairs, match received messages. */
public final class Json {

    private Json() {
    }

    /**
     * @param keyValues name, value, name, value...
     * @return a mutable map in the given order
     */
    public static Map<String, Object> obj(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected, got " + keyValues.length + " items");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** @param type a push's {@code type} @return matches pushes of that type */
    public static Predicate<JsonNode> type(String type) {
        return n -> type.equals(n.path("type").asText(null));
    }

    /**
     * @param name a top-level field
     * @param value its expected value: compared as text, {@code null} matches a missing or null field
     * @return matches messages whose field has that value
     */
    public static Predicate<JsonNode> field(String name, Object value) {
        return n -> {
            JsonNode field = n.get(name);
            if (value == null) {
                return field == null || field.isNull();
            }
            return field != null && !field.isNull() && Objects.toString(value).equals(field.asText());
        };
    }

    /** @param ct a controller @param ac an action @return matches replies (not pushes) of that action */
    public static Predicate<JsonNode> reply(String ct, String ac) {
        return n -> n.has("code") && ct.equals(n.path("ct").asText()) && ac.equals(n.path("ac").asText());
    }
}
