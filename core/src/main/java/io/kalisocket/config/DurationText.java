package io.kalisocket.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads and writes durations the way people type them in YAML: {@code 500ms}, {@code 10s}, {@code 2m},
 * {@code 1h} (or ISO-8601, {@code PT10S}). A number without a unit is refused, because {@code 10} reads as
 * seconds to one person and milliseconds to another; only {@code 0} means the same in every unit.
 */
final class DurationText {

    private static final String EXAMPLES = "e.g. 500ms, 10s, 2m, 1h";

    private DurationText() {
    }

    /**
     * @param text e.g. {@code 10s}
     * @return the duration
     * @throws IllegalArgumentException saying what to write instead, e.g. {@code 10 has no unit: add one, e.g. 10s}
     */
    static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw notADuration(text);
            }
        }
        int unitStart = 0;
        while (unitStart < s.length() && Character.isDigit(s.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0 || unitStart > 18) {
            throw notADuration(text);
        }
        long amount = Long.parseLong(s.substring(0, unitStart));
        String unit = s.substring(unitStart).trim();
        if (unit.isEmpty() && amount != 0) {
            throw new IllegalArgumentException(text.trim() + " has no unit: add one, e.g. " + text.trim() + "s");
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "", "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw notADuration(text);
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

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text.trim() + "' is not a duration (" + EXAMPLES + ")");
    }
}
