package io.kalisocket.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link KaliConfig} from, in order (later wins): the defaults, a YAML file
 * ({@code kalisocket.yml}), environment variables ({@code KALISOCKET_SERVER_PORT=9000} sets
 * {@code server.port}) and explicit overrides ({@code server.port=9000}, e.g. from command-line flags).
 *
 * <p>Keys are kebab-case ({@code limits.max-message-bytes}); an unknown key is an error, never ignored. The old
 * names of renamed sections ({@code gateway.*}, now {@code connect-actions.*}) are still read, with a warning.
 *
 * <p>Every problem of one load is reported at once, in one {@link ConfigException} whose message has one line
 * per problem, each {@code key: problem}: first the unknown keys, then the values that cannot be read (a
 * duration without a unit, a word where a number goes), then the values out of range.
 */
public final class ConfigLoader {

    private static final String ENV_PREFIX = "KALISOCKET_";

    private final ObjectMapper yaml;
    private final ObjectNode defaults;
    private final ObjectNode tree;
    private final UnknownKeys unknown;
    private final RenamedKeys renamed;

    private ConfigLoader() {
        this.yaml = ConfigJson.yaml();
        this.defaults = yaml.valueToTree(KaliConfig.defaults());
        // Unset, admin.port follows server.port (AdminConfig's rule), so the tree must not hold the default's port.
        ((ObjectNode) defaults.get("admin")).put("port", AdminConfig.FOLLOWS_SERVER_PORT);
        this.tree = defaults.deepCopy();
        this.unknown = new UnknownKeys(tree);
        this.renamed = new RenamedKeys(unknown);
    }

    /**
     * Loads the configuration from every source.
     *
     * @param file the YAML file, if any
     * @param environment the process environment ({@code System.getenv()}); only {@code KALISOCKET_*} is read
     * @param overrides dotted keys to values, applied last
     * @return the validated configuration
     * @throws ConfigException listing every unknown key and every malformed or out-of-range value, one per line
     */
    public static KaliConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
        return load(Map.of(), file, environment, overrides);
    }

    /**
     * Loads the configuration with an application's own defaults under every other source: an application's
     * defaults, then the file, the environment and the overrides.
     *
     * @param appDefaults dotted keys to values, applied first (e.g. the demo's {@code admin.enabled=true})
     * @param file the YAML file, if any
     * @param environment the process environment; only {@code KALISOCKET_*} is read
     * @param overrides dotted keys to values, applied last
     * @return the validated configuration
     * @throws ConfigException listing every unknown key and every malformed or out-of-range value, one per line
     */
    public static KaliConfig load(Map<String, String> appDefaults, Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides) {
        ConfigLoader loader = new ConfigLoader();
        loader.setAll(appDefaults, key -> key);
        file.ifPresent(loader::mergeFile);
        loader.mergeEnvironment(environment);
        loader.setAll(overrides, key -> key);
        loader.renamed.warnDeprecated();
        List<String> problems = new ArrayList<>(loader.unknown.problems());
        KaliConfig config = loader.build(problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
        return config;
    }

    /**
     * Applies dotted-key overrides to the defaults; handy in tests and embedded use.
     *
     * @param overrides e.g. {@code Map.of("limits.max-message-bytes", "1024")}
     * @return the validated configuration
     */
    public static KaliConfig of(Map<String, String> overrides) {
        return load(Optional.empty(), Map.of(), overrides);
    }

    /**
     * Renders a configuration as YAML with kebab-case keys, as {@code --print-config} shows it.
     *
     * @param config the configuration
     * @return YAML text
     */
    public static String toYaml(KaliConfig config) {
        try {
            return ConfigJson.yaml().writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void mergeFile(Path file) {
        JsonNode loaded;
        try {
            loaded = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toAbsolutePath() + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file.toAbsolutePath() + ": cannot be read: " + e.getMessage());
        }
        if (loaded == null || loaded.isMissingNode() || loaded.isNull()) {
            return;
        }
        if (!loaded.isObject()) {
            throw new ConfigException(file + ": expected a mapping of sections (server:, limits:, ...)");
        }
        renamed.rename((ObjectNode) loaded);
        merge(tree, (ObjectNode) loaded, "");
    }

    private void merge(ObjectNode target, ObjectNode source, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode current = target.get(e.getKey());
            if (current == null) {
                unknown.add(key);
            } else if (current.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) current, (ObjectNode) e.getValue(), key + ".");
            } else if (current.isObject()) {
                unknown.addProblem(key, "expected a mapping of keys, not a value");
            } else if (e.getValue().isNull()) {
                unknown.addProblem(key, "has no value (leave the key out for its default)");
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    private void mergeEnvironment(Map<String, String> environment) {
        Map<String, String> keys = new LinkedHashMap<>();
        new TreeMap<>(environment).forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX)) {
                return;
            }
            String rest = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
            int cut = sectionEnd(rest);
            if (cut <= 0) {
                unknown.addProblem(name, "expected KALISOCKET_<SECTION>_<KEY>");
                return;
            }
            keys.put(rest.substring(0, cut).replace('_', '-') + "." + rest.substring(cut + 1).replace('_', '-'), value);
        });
        setAll(keys, ConfigLoader::environmentName);
    }

    /** @return where the section's name ends in {@code connect_actions_enabled}: the longest known section wins */
    private int sectionEnd(String rest) {
        int end = rest.indexOf('_');
        List<String> sections = new ArrayList<>(RenamedKeys.SECTIONS.keySet());
        tree.fieldNames().forEachRemaining(sections::add);
        for (String section : sections) {
            String prefix = section.replace('-', '_') + "_";
            if (rest.startsWith(prefix) && prefix.length() - 1 > end) {
                end = prefix.length() - 1;
            }
        }
        return end;
    }

    /** @param dottedKey e.g. {@code connect-actions.enabled} @return {@code KALISOCKET_CONNECT_ACTIONS_ENABLED} */
    private static String environmentName(String dottedKey) {
        return ENV_PREFIX + dottedKey.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private void setAll(Map<String, String> source, UnaryOperator<String> spelling) {
        renamed.rename(source, spelling).forEach(this::set);
    }

    private void set(String dottedKey, String value) {
        int dot = dottedKey.indexOf('.');
        JsonNode node = dot > 0 ? tree.get(dottedKey.substring(0, dot)) : null;
        String key = dottedKey.substring(dot + 1);
        // Into sub-sections (auth.jwt.secret): after a dot, or after a dash as the environment spells it.
        for (String sub; node instanceof ObjectNode o && !o.has(key) && (sub = subsectionOf(o, key)) != null; ) {
            node = o.get(sub);
            key = key.substring(sub.length() + 1);
        }
        if (!(node instanceof ObjectNode obj) || !obj.has(key)) {
            unknown.add(dottedKey);
            return;
        }
        if (obj.get(key).isObject()) {
            unknown.addProblem(dottedKey, "expected a mapping of keys, not a value");
            return;
        }
        if (obj.get(key).isArray()) {
            ArrayNode list = obj.putArray(key);
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.trim());
                }
            }
        } else {
            obj.set(key, TextNode.valueOf(value));
        }
    }

    /** @return the sub-section of {@code section} that {@code key} starts with ({@code jwt} of {@code jwt-secret}) */
    private static String subsectionOf(ObjectNode section, String key) {
        for (Iterator<String> it = section.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (section.get(name).isObject() && key.length() > name.length() + 1 && key.startsWith(name)
                    && (key.charAt(name.length()) == '.' || key.charAt(name.length()) == '-')) {
                return name;
            }
        }
        return null;
    }

    /**
     * Maps the tree to the records. A value that cannot be read is reported and put back to its default, and the
     * mapping tried again, so that every such value is reported in one go; then the range checks run.
     *
     * @param problems where every problem found is added
     * @return the configuration, meaningful only when no problem was added
     */
    private KaliConfig build(List<String> problems) {
        Set<String> unreadable = new HashSet<>();
        while (true) {
            try {
                KaliConfig config = yaml.treeToValue(tree, KaliConfig.class);
                for (String problem : ConfigValidator.problems(config)) {
                    if (!unreadable.contains(problem.substring(0, problem.indexOf(':')))) {
                        problems.add(problem);
                    }
                }
                return config;
            } catch (JsonMappingException e) {
                String key = ValueErrors.keyOf(e);
                problems.add((key.isEmpty() ? "" : key + ": ") + ValueErrors.describe(e));
                if (!unreadable.add(key) || !restoreDefault(key)) {
                    return null;
                }
            } catch (IOException e) {
                problems.add(e.getMessage());
                return null;
            }
        }
    }

    /** @param dottedKey e.g. {@code limits.idle-timeout} @return whether its default could be put back */
    private boolean restoreDefault(String dottedKey) {
        int dot = dottedKey.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        String parent = "/" + dottedKey.substring(0, dot).replace('.', '/');
        String key = dottedKey.substring(dot + 1);
        JsonNode original = defaults.at(parent).get(key);
        if (original == null || !(tree.at(parent) instanceof ObjectNode target)) {
            return false;
        }
        target.set(key, original.deepCopy());
        return true;
    }
}
