package io.kalisocket.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Encoding of calls and connect URIs, and binding of reply data. */
final class Frames {

    private Frames() {
    }

    /** @return {@code {...params, "ct":ct, "ac":ac}}; params may be a map, a record, any bean, or null */
    static ObjectNode call(ObjectMapper mapper, String ct, String ac, Object params) {
        JsonNode node = params == null ? mapper.createObjectNode() : mapper.valueToTree(params);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("params must encode to a JSON object, not " + node.getNodeType());
        }
        return object.put("ct", ct).put("ac", ac);
    }

    /** @return the reply data bound to {@code type} */
    static <T> T bind(ObjectMapper mapper, JsonNode data, JavaType type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reply data does not fit " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    /** @return {@code uri} with the query parameters appended */
    static URI connectUri(URI uri, Map<String, String> query) {
        if (query.isEmpty()) {
            return uri;
        }
        String q = query.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String s = uri.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + q);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
