package io.kalisocket.config;

/**
 * What the server logs and how. The demo's Logback configuration reads both values; an application with its
 * own Logback file may do the same (see docs/CONFIG.md).
 *
 * @param level the root level: {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error} or
 *     {@code off}; default {@code info} (one line per connect and close, nothing per message)
 * @param format {@code plain} (one readable line per event) or {@code json} (one JSON object per line);
 *     default {@code plain}
 * @param connections the connection log (logger {@code io.kalisocket.connections}, at INFO): {@code summary}
 *     (default: at most one line a minute with the connects and closes by close code), {@code each} (one line per
 *     connect and per close: for debugging and small deployments) or {@code off}
 */
public record LoggingConfig(String level, String format, String connections) {

    /**
     * @param level the root level
     * @param format {@code plain} or {@code json}
     */
    public LoggingConfig(String level, String format) {
        this(level, format, "summary");
    }

    /** The defaults documented on each component. */
    public static LoggingConfig defaults() {
        return new LoggingConfig("info", "plain", "summary");
    }
}
