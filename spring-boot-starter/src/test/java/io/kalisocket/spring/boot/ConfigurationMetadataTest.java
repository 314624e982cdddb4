package io.kalisocket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete {@code kalisocket.*} keys from
 * ({@code META-INF/spring-configuration-metadata.json}) lists exactly KaliSocket's keys, with their defaults and
 * the meaning docs/CONFIG.md gives them, and the starter's own keys. When a key is added to KaliConfig, this test
 * fails; {@code mvn verify -pl spring-boot-starter -Dtest=ConfigurationMetadataTest -Dkalisocket.metadata.write=true}
 * writes the file again.
 */
class ConfigurationMetadataTest {

    private static final String FILE = "META-INF/spring-configuration-metadata.json";
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| [^|]* \\| (.*) \\|\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void metadataListsEveryKeyWithItsDefault() throws IOException {
        JsonNode expected = JSON.readTree(JSON.writeValueAsString(expected())); // numbers typed as when read
        if (Boolean.getBoolean("kalisocket.metadata.write")) {
            Files.writeString(Path.of("src/main/resources", FILE), JSON.writeValueAsString(expected) + "\n");
        }
        JsonNode actual;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FILE)) {
            assertThat(in).as(FILE).isNotNull();
            actual = JSON.readTree(in);
        }
        assertThat(names(actual)).as("keys in " + FILE).isEqualTo(names(expected));
        assertThat(actual).isEqualTo(expected);
    }

    private static Map<String, JsonNode> names(JsonNode metadata) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        metadata.get("properties").forEach(p -> byName.put(p.get("name").asText(), p.get("defaultValue")));
        return byName;
    }

    private static JsonNode expected() throws IOException {
        Map<String, String> docs = documentation();
        ObjectNode root = JSON.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        groups.addObject().put("name", "kalisocket").put("type", KaliConfig.class.getName())
                .put("description", "KaliSocket's configuration (docs/CONFIG.md), as in kalisocket.yml.");
        ArrayNode properties = root.putArray("properties");
        JsonNode defaults = new YAMLMapper().readTree(ConfigLoader.toYaml(KaliConfig.defaults()));
        flatten("", defaults, docs, properties);
        properties.addObject().put("name", "kalisocket." + StarterKeys.CONTROLLERS)
                .put("type", "java.util.List<java.lang.String>")
                .put("description", "Packages scanned for controllers besides the application's own: classes"
                        + " annotated @Controller or named *Controller.");
        properties.addObject().put("name", "kalisocket." + StarterKeys.CLUSTER_REDIS).put("type", "java.lang.String")
                .put("description", "Redis URI (redis://host:port); with kalisocket-cluster, the node joins the"
                        + " cluster.");
        properties.addObject().put("name", "kalisocket." + StarterKeys.CLUSTER_KEY_PREFIX)
                .put("type", "java.lang.String").put("defaultValue", "ks:")
                .put("description", "Prefix of the cluster's Redis keys.");
        return root;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> docs, ArrayNode out) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, docs, out);
                continue;
            }
            ObjectNode property = out.addObject().put("name", "kalisocket." + key);
            if (value.isArray()) {
                property.put("type", "java.util.List<java.lang.String>");
            } else if (value.isBoolean()) {
                property.put("type", "java.lang.Boolean").put("defaultValue", value.booleanValue());
            } else if (value.isIntegralNumber()) {
                property.put("type", value.canConvertToInt() ? "java.lang.Integer" : "java.lang.Long")
                        .put("defaultValue", value.longValue());
            } else if (value.isNumber()) {
                property.put("type", "java.lang.Double").put("defaultValue", value.doubleValue());
            } else {
                property.put("type", "java.lang.String");
                if (!value.isNull()) {
                    property.put("defaultValue", value.asText());
                }
            }
            property.put("description", docs.getOrDefault(key, "See docs/CONFIG.md."));
        }
    }

    /** @return each key's meaning, from the tables of docs/CONFIG.md */
    private static Map<String, String> documentation() throws IOException {
        Map<String, String> docs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/CONFIG.md"))) {
            Matcher row = DOC_ROW.matcher(line);
            if (row.matches()) {
                docs.put(row.group(1), row.group(2).replace("`", "").trim());
            }
        }
        return docs;
    }
}
