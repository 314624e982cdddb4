package io.kalisocket.launcher;

import io.kalisocket.config.KaliConfig;
import io.kalisocket.config.Secrets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code --print-config} prints: the effective configuration, then the application's flags; secrets masked. */
final class PrintedConfig {

    private PrintedConfig() {
    }

    /**
     * @param config the effective configuration
     * @param appFlags the application's own flags
     * @param values the values given to them
     * @return YAML text
     */
    static String of(KaliConfig config, List<AppFlag> appFlags, Map<String, String> values) {
        StringBuilder out = new StringBuilder(Secrets.printable(config));
        if (appFlags.isEmpty()) {
            return out.toString();
        }
        out.append("# application flags (not configuration keys)\n");
        for (AppFlag flag : appFlags) {
            Optional<String> value = Optional.ofNullable(values.get(flag.name()))
                    .map(v -> flag.secret() ? Secrets.mask(v) : maskUrl(v));
            out.append(flag.name().substring(2)).append(": ").append(quoted(value)).append('\n');
        }
        return out.toString();
    }

    /**
     * Masks the password of {@code scheme://user:password@host} and of a {@code password=} parameter: a JDBC or
     * Redis URL often carries one.
     *
     * @param url any value
     * @return the value with those passwords masked
     */
    static String maskUrl(String url) {
        return url.replaceAll("(://[^/@:]*:)[^/@]*@", "$1" + Secrets.MASK + "@")
                .replaceAll("(?i)(password=)[^&;]*", "$1" + Secrets.MASK);
    }

    private static String quoted(Optional<String> value) {
        return value.map(v -> "\"" + v.replace("\"", "\\\"") + "\"").orElse("null");
    }
}
