package io.kalisocket.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The YAML mapper of the configuration: kebab-case keys, unknown keys refused, durations as people write them
 * ({@link DurationText}), and enum values as the docs write them ({@code close}, read in any case).
 */
final class ConfigJson {

    private ConfigJson() {
    }

    static ObjectMapper yaml() {
        SimpleModule module = new SimpleModule("kalisocket-config")
                .addDeserializer(Duration.class, new StdScalarDeserializer<>(Duration.class) {
                    @Override
                    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                        try {
                            return DurationText.parse(p.getValueAsString());
                        } catch (RuntimeException e) {
                            throw JsonMappingException.from(p, e.getMessage());
                        }
                    }
                })
                .addSerializer(Duration.class, new StdScalarSerializer<>(Duration.class) {
                    @Override
                    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(DurationText.format(value));
                    }
                })
                .addSerializer(Enum.class, new StdScalarSerializer<>(Enum.class) {
                    @Override
                    public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(value.name().toLowerCase(Locale.ROOT));
                    }
                });
        return JsonMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(module)
                .build();
    }
}
