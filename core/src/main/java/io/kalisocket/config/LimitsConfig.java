package io.kalisocket.config;

import java.time.Duration;

/**
 * Every limit the server enforces, each with its answer.
 *
 * @param maxMessageBytes largest text message after fragments are aggregated; larger closes with 1009.
 *     Default 65,536
 * @param maxConnections WebSocket connections in total; more are refused with HTTP 503. Default 0 (unlimited)
 * @param maxConnectionsPerIp connections per client IP (the real IP); more are refused with HTTP 429.
 *     Default 1,000; 0 is unlimited
 * @param messagesPerSecond token-bucket refill rate per connection; every data frame takes a token before it is
 *     read (heartbeats and invalid frames too), excess frames get a 429 reply. Default 100
 * @param messageBurst token-bucket size per connection. Default 200
 * @param closeAfterRateLimited rate-limited frames within a sliding 10 s window after which the connection is
 *     closed with 1008. Default 200; 0 never closes
 * @param handshakeTimeout time a TCP connection may take to complete the WebSocket upgrade. Default 10 s
 * @param idleTimeout time without any frame from the client after which it is closed with 1001. Default 60 s
 * @param outboundHighWaterMark bytes queued for one connection after which it is a slow consumer.
 *     Default 262,144
 * @param outboundLowWaterMark bytes below which a slow consumer is writable again. Default 131,072
 * @param slowConsumerPolicy {@code close} (close with 1008, the default) or {@code drop} (drop and count)
 * @param maxQueuedPerConnection calls of one connection waiting for an action thread (or, {@code @Inline}, for the
 *     event loop) at which the server stops reading from it until half have run. Default 1,000
 * @param handshakesPerIpPerSecond WebSocket upgrade requests per client IP (the real IP) per second; more are
 *     refused with HTTP 429. Default 20; 0 is unlimited. At most 65,536 IPs are tracked at once
 */
public record LimitsConfig(
        int maxMessageBytes,
        int maxConnections,
        int maxConnectionsPerIp,
        int messagesPerSecond,
        int messageBurst,
        int closeAfterRateLimited,
        Duration handshakeTimeout,
        Duration idleTimeout,
        int outboundHighWaterMark,
        int outboundLowWaterMark,
        SlowConsumerPolicy slowConsumerPolicy,
        int maxQueuedPerConnection,
        int handshakesPerIpPerSecond) {

    /** What happens to a connection whose outbound buffer passed the high water mark. */
    public enum SlowConsumerPolicy {
        /** Close the connection with 1008. */
        CLOSE,
        /** Drop the message, count it and keep the connection. */
        DROP
    }

    /** The defaults documented on each component. */
    public static LimitsConfig defaults() {
        return new LimitsConfig(64 * 1024, 0, 1_000, 100, 200, 200,
                Duration.ofSeconds(10), Duration.ofSeconds(60), 256 * 1024, 128 * 1024,
                SlowConsumerPolicy.CLOSE, 1_000, 20);
    }
}
