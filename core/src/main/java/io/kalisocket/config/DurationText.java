package io.kalisocket.config;

import java.time.Duration;
import java.util.Locale;

/** Reads and writes durations the way people type them in YAML: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
final class DurationText {

    private DurationText() {
    }

    static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        }
        int unitStart = 0;
        while (unitStart < s.length() && (Character.isDigit(s.charAt(unitStart)))) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 500ms, 10s, 2m, 1h)");
        }
        long amount = Long.parseLong(s.substring(0, unitStart));
        return switch (s.substring(unitStart).trim()) {
            case "ms" -> Duration.ofMillis(amount);
            case "", "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 500ms, 10s, 2m, 1h)");
        };
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
