package io.kalisocket.spring.boot;

import io.kalisocket.config.ConfigException;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads KaliSocket's configuration from Spring's environment: every {@code kalisocket.*} property (from
 * {@code application.yml}, {@code application.properties}, command-line flags, test properties), flattened to
 * KaliSocket's dotted kebab-case keys, and the {@code KALISOCKET_*} environment variables, then loaded by
 * {@link ConfigLoader} exactly as the YAML file is: same defaults, same validation, unknown keys rejected.
 */
final class SpringKaliConfig {

    static final String PREFIX = "kalisocket.";

    private SpringKaliConfig() {
    }

    /**
     * @param environment Spring's environment
     * @return the validated configuration
     * @throws IllegalStateException naming every unknown key and bad value, each as {@code kalisocket.<key>}
     */
    static KaliConfig load(ConfigurableEnvironment environment) {
        Map<String, String> variables = new TreeMap<>();
        List<PropertySource<?>> others = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())
                    && source instanceof EnumerablePropertySource<?> env) {
                // KaliSocket reads its own variables (KALISOCKET_CONNECT_ACTIONS_ENABLED): Spring's relaxed binding
                // cannot tell where the section's name ends.
                for (String name : env.getPropertyNames()) {
                    if (name.startsWith("KALISOCKET_") && !StarterKeys.isStarterVariable(name)) {
                        variables.put(name, String.valueOf(env.getProperty(name)));
                    }
                }
            } else {
                others.add(source);
            }
        }
        Map<String, String> properties = properties(new Binder(ConfigurationPropertySources.from(others)));
        try {
            return ConfigLoader.load(Map.of(), Optional.empty(), variables, properties);
        } catch (ConfigException e) {
            String lines = e.getMessage().lines()
                    .map(line -> line.startsWith("KALISOCKET_") ? line : PREFIX + line)
                    .collect(Collectors.joining("\n"));
            throw new IllegalStateException("invalid KaliSocket configuration (docs/CONFIG.md):\n" + lines, e);
        }
    }

    /** @return every {@code kalisocket.*} property but the starter's own, as KaliSocket's keys to values */
    static Map<String, String> properties(Binder binder) {
        Map<String, String> bound = binder.bind("kalisocket", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Map<String, List<String>> lists = new TreeMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        new TreeMap<>(bound).forEach((name, value) -> {
            String key = kebab(name);
            int index = indexStart(key);
            if (index > 0) {
                // a YAML list arrives as key[0], key[1] (or key.0): KaliSocket's list keys take comma-separated values
                lists.computeIfAbsent(key.substring(0, index), k -> new ArrayList<>()).add(value);
            } else {
                keys.put(key, value);
            }
        });
        lists.forEach((key, values) -> keys.put(key, String.join(",", values)));
        keys.keySet().removeIf(StarterKeys::isStarterKey);
        return keys;
    }

    /** @return where a list index starts ({@code [0]} or {@code .0} at the end), -1 for none */
    private static int indexStart(String key) {
        int bracket = key.indexOf('[');
        if (bracket > 0) {
            return bracket;
        }
        int dot = key.lastIndexOf('.');
        return dot > 0 && dot < key.length() - 1 && key.substring(dot + 1).chars().allMatch(Character::isDigit)
                ? dot : -1;
    }

    /**
     * @param name e.g. {@code limits.maxMessageBytes} or {@code limits.max_message_bytes}
     * @return KaliSocket's spelling, {@code limits.max-message-bytes}
     */
    static String kebab(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && name.charAt(i - 1) != '.' && name.charAt(i - 1) != '-') {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c == '_' ? '-' : c);
            }
        }
        return out.toString();
    }
}
