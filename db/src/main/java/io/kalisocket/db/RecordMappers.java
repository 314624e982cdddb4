package io.kalisocket.db;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Lets {@code mapTo(SomeRecord.class)} work without registering each record: Jdbi's
 * {@link ConstructorMapper} does the mapping. Built mappers are kept here because Jdbi's own cache
 * lives in each handle's copy of the configuration and would be rebuilt per call.
 */
final class RecordMappers implements RowMapperFactory {

    private final Map<Class<?>, RowMapper<?>> mappers = new ConcurrentHashMap<>();

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (!raw.isRecord()) {
            return Optional.empty();
        }
        return Optional.of(mappers.computeIfAbsent(raw, RecordMappers::canonical));
    }

    /** Maps through the canonical constructor, made accessible so that non-public records work too. */
    private static RowMapper<?> canonical(Class<?> record) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return ConstructorMapper.of(constructor);
        } catch (NoSuchMethodException | RuntimeException notAccessible) {
            // A record in a module that does not open its package: Jdbi's default lookup, public records only.
            return ConstructorMapper.of(record);
        }
    }
}
