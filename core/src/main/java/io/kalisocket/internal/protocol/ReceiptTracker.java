package io.kalisocket.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.cache.Cache;
import java.time.Duration;
import java.util.Optional;

/**
 * Remembers which msgids were already run, for the receipts' window, so that a client that lost a receipt
 * and resends is acknowledged again but not run again. The key is (client id, msgid), or (uid, msgid) once
 * the connection has a uid, so a user who reconnects and resends is not run twice either. Built on
 * {@link Cache#add}, which is atomic: of two concurrent deliveries of one msgid exactly one runs.
 */
public final class ReceiptTracker {

    private final Cache cache;
    private final Duration window;

    /**
     * @param cache where the pairs live (local, or Redis when clustered)
     * @param window how long a pair is remembered
     */
    public ReceiptTracker(Cache cache, Duration window) {
        this.cache = cache;
        this.window = window;
    }

    /**
     * Records a delivery.
     *
     * @param clientId the sending connection
     * @param uid the user bound to it, if any
     * @param msgid the message's msgid
     * @return true the first time within the window (run it), false for a repeat (do not run it again)
     */
    public boolean firstDelivery(String clientId, Optional<String> uid, JsonNode msgid) {
        String owner = uid.map(u -> "u:" + u).orElseGet(() -> "c:" + clientId);
        return cache.add("ks:receipt:" + owner + ":" + (msgid.isTextual() ? "s" : "n") + msgid.asText(),
                Boolean.TRUE, window);
    }
}
