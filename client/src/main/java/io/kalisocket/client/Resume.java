package io.kalisocket.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Restores server-side state after a reconnect (log in again, rejoin groups) before the calls and sends
 * queued meanwhile go out. Set with {@link KaliClient#resume(Resume)}.
 */
@FunctionalInterface
public interface Resume {

    /**
     * Runs after every reconnect, before queued frames are sent and before {@link ClientListener#onReconnected()}.
     *
     * @param direct calls that skip the queue
     * @return completes when the state is restored; the queue waits for it (a failure is logged, then the
     *     queue goes out all the same)
     */
    CompletionStage<?> resume(Direct direct);

    /** Calls made from {@link #resume}: sent at once, ahead of everything queued. */
    interface Direct {

        /**
         * Calls an action at once, with a msgid and resends like any call.
         *
         * @param ct the controller
         * @param ac the action
         * @param params the params (null for none)
         * @return the reply's {@code data}
         */
        CompletableFuture<JsonNode> call(String ct, String ac, Object params);
    }
}
