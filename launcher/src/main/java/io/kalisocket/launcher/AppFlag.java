package io.kalisocket.launcher;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A flag an application adds to the launcher's own: it takes a value, which the launcher hands to the
 * application through {@link AppOptions} and shows in {@code --print-config}.
 *
 * @param name the flag, e.g. {@code --redis}
 * @param valueName the value's name in the usage text, e.g. {@code URI}
 * @param help one line of usage text
 * @param secret masked entirely by {@code --print-config}; other values have only the passwords in URLs masked
 */
record AppFlag(String name, String valueName, String help, boolean secret) {

    AppFlag {
        if (!name.matches("--[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a flag looks like --name (lower case, digits, dashes): " + name);
        }
    }

    /** @param flags some flags @return their names */
    static Set<String> names(List<AppFlag> flags) {
        return flags.stream().map(AppFlag::name).collect(Collectors.toUnmodifiableSet());
    }
}
