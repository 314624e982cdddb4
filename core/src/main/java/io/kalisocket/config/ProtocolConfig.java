package io.kalisocket.config;

import java.time.Duration;

/**
 * The wire protocol's strings and windows.
 *
 * @param heartbeatPing the client's heartbeat frame; default {@code ~H#C~}
 * @param heartbeatPong the server's answer; default {@code ~H#S~}
 * @param receiptWindow how long a (client, msgid) pair is remembered for dedup; default 5 s
 * @param receiptCapacity most pairs remembered at once on one node; default 1,000,000
 */
public record ProtocolConfig(
        String heartbeatPing,
        String heartbeatPong,
        Duration receiptWindow,
        long receiptCapacity) {

    /** The defaults documented on each component. */
    public static ProtocolConfig defaults() {
        return new ProtocolConfig("~H#C~", "~H#S~", Duration.ofSeconds(5), 1_000_000);
    }
}
