package io.kalisocket.internal.server.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the calls of {@link EchoTestController}: {@code {"ct":"echo","ac":"say","data":X}}. */
final class Echo {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Bytes of a call whose data is the empty string. */
    private static final int ENVELOPE_BYTES = request("").length();

    private Echo() {
    }

    /** @param data the text to echo @return the call, as JSON text */
    static String request(String data) {
        try {
            Map<String, Object> call = new LinkedHashMap<>();  // ct and ac first, as a client writes them
            call.put("ct", "echo");
            call.put("ac", "say");
            call.put("data", data);
            return JSON.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param bytes the size of the whole call in UTF-8 bytes, at least the envelope's
     * @return a call of exactly that size whose data is a run of {@code x}
     */
    static String requestOfSize(int bytes) {
        if (bytes < ENVELOPE_BYTES) {
            throw new IllegalArgumentException("a call has at least " + ENVELOPE_BYTES + " bytes");
        }
        return request("x".repeat(bytes - ENVELOPE_BYTES));
    }

    /** @param request a call built here @return its data */
    static String dataOf(String request) {
        try {
            return JSON.readTree(request).get("data").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(request, e);
        }
    }
}
