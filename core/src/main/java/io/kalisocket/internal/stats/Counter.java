package io.kalisocket.internal.stats;

/** Every plain counter of the server, by the name it has in {@code /status} and (with {@code kalisocket_}) the metrics. */
public enum Counter {
    /** A connection completed its WebSocket handshake. */
    CONNECTIONS_OPENED("connections_opened", "WebSocket connections that completed their handshake"),
    /** An upgraded connection closed. */
    CONNECTIONS_CLOSED("connections_closed", "upgraded WebSocket connections that closed"),
    /** A handshake was refused (by reason: {@link ServerStats#refusalsByReason()}). */
    HANDSHAKES_REFUSED("handshakes_refused",
            "handshakes refused, all reasons (by reason: kalisocket_handshake_refusals_total)"),
    /** A data frame arrived. */
    MESSAGES_IN("messages_in", "data frames received"),
    /** A data frame was handed to a socket. */
    MESSAGES_OUT("messages_out", "data frames handed to a socket: replies, receipts and pushes"),
    /** A heartbeat was answered. */
    HEARTBEATS("heartbeats", "heartbeats answered"),
    /** A receipt was sent. */
    RECEIPTS("receipts", "receipts (pongMsg) sent for calls with a msgid"),
    /** A repeated msgid inside the window was acknowledged but not run. */
    DEDUP_HITS("dedup_hits", "repeated msgids inside the receipts window: acknowledged, not run again"),
    /** A message was refused by its connection's rate limit. */
    RATE_LIMITED("rate_limited", "messages refused with 429 by their connection's rate limit"),
    /** An outbound message was dropped under the {@code drop} slow-consumer policy. */
    DROPPED("dropped", "outbound messages dropped under the drop slow-consumer policy"),
    /** A slow consumer was closed with 1008. */
    SLOW_CONSUMER_CLOSES("slow_consumer_closes", "slow consumers closed with 1008"),
    /** A connection was closed for being idle. */
    IDLE_CLOSES("idle_closes", "connections closed for being idle"),
    /** A connection was closed with 1009 for an oversized message. */
    OVERSIZED_CLOSES("oversized_closes", "connections closed with 1009 for an oversized message"),
    /**
     * A call was answered {@code 503 server busy}: the node's backlog ({@code execution.max-queued-total}) was full,
     * or its connection's queue past its hard limit.
     */
    QUEUE_FULL("queue_full",
            "calls answered 503 server busy: the node's backlog or the connection's queue was full"),
    /** Reading from a connection paused: it held as much as it may (a full queue or outbound buffer). */
    READS_PAUSED("reads_paused",
            "times reading from a connection paused because its queue or outbound buffer was full"),
    /** An action ran. */
    ACTIONS_RUN("actions_run", "routed actions run, whatever their outcome"),
    /** A client broke the WebSocket protocol and was closed by the frame decoder. */
    PROTOCOL_VIOLATIONS("protocol_violations",
            "connections closed by the frame decoder for breaking the WebSocket protocol");

    private final String key;
    private final String help;

    Counter(String key, String help) {
        this.key = key;
        this.help = help;
    }

    /** @return the counter's name in {@code /status}, e.g. {@code messages_in} */
    public String key() {
        return key;
    }

    /** @return what the counter counts, in a few words: the metric's {@code # HELP} text */
    public String help() {
        return help;
    }
}
