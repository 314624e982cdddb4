package io.kalisocket.internal.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Turns a text frame's bytes into an {@link Envelope}, or says exactly why it is not one. Names are checked
 * here, so nothing but {@code [A-Za-z0-9_]{1,64}} ever reaches the routing table.
 */
public final class EnvelopeParser {

    /** What a controller or action name must look like. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** Longest msgid accepted, in characters of its text form. */
    public static final int MAX_MSGID_LENGTH = 64;

    private final ObjectReader reader;

    /** @param reader a Jackson reader for trees */
    public EnvelopeParser(ObjectReader reader) {
        this.reader = reader;
    }

    /**
     * @param content the frame's UTF-8 bytes (not released here)
     * @return the envelope
     * @throws EnvelopeException when the bytes are not a valid call
     */
    public Envelope parse(ByteBuf content) throws EnvelopeException {
        JsonNode root;
        try {
            if (content.hasArray()) {
                root = reader.readTree(content.array(), content.arrayOffset() + content.readerIndex(),
                        content.readableBytes());
            } else {
                // One copy into an array beats Jackson's InputStream path (encoding detection, buffer set-up).
                root = reader.readTree(ByteBufUtil.getBytes(content));
            }
        } catch (JsonProcessingException e) {
            // Where, not Jackson's why: its messages name its own features and tokens, which are no client's business.
            JsonLocation at = e.getLocation();
            throw new EnvelopeException(at == null || at.getLineNr() < 1 ? "invalid JSON"
                    : "invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr(), null, null, null);
        } catch (IOException e) {
            throw new EnvelopeException("invalid JSON", null, null, null);
        }
        if (root == null || !root.isObject()) {
            throw new EnvelopeException("a message must be a JSON object", null, null, null);
        }
        return fromParams((ObjectNode) root);
    }

    /**
     * Validates params that are already a JSON object (the own-callback level's {@code dispatcher.run}).
     *
     * @param params the call's params
     * @return the envelope
     * @throws EnvelopeException when ct, ac or msgid are missing or malformed
     */
    public Envelope fromParams(ObjectNode params) throws EnvelopeException {
        JsonNode ctNode = params.get("ct");
        JsonNode acNode = params.get("ac");
        String ct = ctNode != null && ctNode.isTextual() ? ctNode.textValue() : null;
        String ac = acNode != null && acNode.isTextual() ? acNode.textValue() : null;
        JsonNode msgid = msgidOf(params.get("msgid"), ct, ac);
        if (ct == null || ct.isEmpty()) {
            throw new EnvelopeException("missing or empty 'ct'", null, ac, msgid);
        }
        if (ac == null || ac.isEmpty()) {
            throw new EnvelopeException("missing or empty 'ac'", ct, null, msgid);
        }
        if (!isName(ct)) {
            throw new EnvelopeException("'ct' must match [A-Za-z0-9_]{1,64}", null, null, msgid);
        }
        if (!isName(ac)) {
            throw new EnvelopeException("'ac' must match [A-Za-z0-9_]{1,64}", ct, null, msgid);
        }
        return new Envelope(ct, ac, msgid, params);
    }

    /**
     * @param name a controller or action name
     * @return true when it matches {@link #NAME}; checked by hand, as it runs for every message
     */
    public static boolean isName(String name) {
        int n = name.length();
        if (n == 0 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode msgidOf(JsonNode msgid, String ct, String ac) throws EnvelopeException {
        if (msgid == null || msgid.isNull() || (msgid.isTextual() && msgid.textValue().isEmpty())) {
            return null;
        }
        if (!msgid.isTextual() && !msgid.isNumber()) {
            throw new EnvelopeException("'msgid' must be a string or a number", ct, ac, null);
        }
        if (msgid.asText().length() > MAX_MSGID_LENGTH) {
            throw new EnvelopeException("'msgid' is longer than " + MAX_MSGID_LENGTH + " characters", ct, ac, null);
        }
        return msgid;
    }
}
