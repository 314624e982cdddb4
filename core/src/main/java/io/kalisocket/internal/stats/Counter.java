package io.kalisocket.internal.stats;

/** Every plain counter of the server, by the name it has in {@code /status} and (with {@code kalisocket_}) the metrics. */
public enum Counter {
    /** A connection completed its WebSocket handshake. */
    CONNECTIONS_OPENED("connections_opened"),
    /** An upgraded connection closed. */
    CONNECTIONS_CLOSED("connections_closed"),
    /** A handshake was refused (by reason: {@link ServerStats#refusalsByReason()}). */
    HANDSHAKES_REFUSED("handshakes_refused"),
    /** A data frame arrived. */
    MESSAGES_IN("messages_in"),
    /** A data frame was handed to a socket. */
    MESSAGES_OUT("messages_out"),
    /** A heartbeat was answered. */
    HEARTBEATS("heartbeats"),
    /** A receipt was sent. */
    RECEIPTS("receipts"),
    /** A repeated msgid inside the window was acknowledged but not run. */
    DEDUP_HITS("dedup_hits"),
    /** A message was refused by its connection's rate limit. */
    RATE_LIMITED("rate_limited"),
    /** An outbound message was dropped under the {@code drop} slow-consumer policy. */
    DROPPED("dropped"),
    /** A slow consumer was closed with 1008. */
    SLOW_CONSUMER_CLOSES("slow_consumer_closes"),
    /** A connection was closed for being idle. */
    IDLE_CLOSES("idle_closes"),
    /** A connection was closed with 1009 for an oversized message. */
    OVERSIZED_CLOSES("oversized_closes"),
    /**
     * A call was answered {@code 503 server busy}: the node's backlog ({@code execution.max-queued-total}) was full,
     * or its connection's queue past its hard limit.
     */
    QUEUE_FULL("queue_full"),
    /** Reading from a connection paused: it held as much as it may (a full queue or outbound buffer). */
    READS_PAUSED("reads_paused"),
    /** An action ran. */
    ACTIONS_RUN("actions_run"),
    /** A client broke the WebSocket protocol and was closed by the frame decoder. */
    PROTOCOL_VIOLATIONS("protocol_violations");

    private final String key;

    Counter(String key) {
        this.key = key;
    }

    /** @return the counter's name in {@code /status}, e.g. {@code messages_in} */
    public String key() {
        return key;
    }
}
