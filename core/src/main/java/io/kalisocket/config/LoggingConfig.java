package io.kalisocket.config;

/**
 * What the server logs and how. The demo's Logback configuration reads both values; an application with its
 * own Logback file may do the same (see docs/CONFIG.md).
 *
 * @param level the root level: {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error} or
 *     {@code off}; default {@code info} (one line per connect and close, nothing per message)
 * @param format {@code plain} (one readable line per event) or {@code json} (one JSON object per line);
 *     default {@code plain}
 */
public record LoggingConfig(String level, String format) {

    /** The defaults documented on each component. */
    public static LoggingConfig defaults() {
        return new LoggingConfig("info", "plain");
    }
}
