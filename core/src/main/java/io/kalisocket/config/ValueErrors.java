package io.kalisocket.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A value the configuration's mapper could not read, said in the configuration's words: {@code 'abc' is not a
 * whole number}, {@code 'loud' must be close or drop}, not Jackson's {@code Cannot deserialize value of type int}.
 */
final class ValueErrors {

    private ValueErrors() {
    }

    /** @param e a mapping failure @return the dotted key it happened at, e.g. {@code limits.idle-timeout}; may be empty */
    static String keyOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    /** @param e a mapping failure @return what is wrong with the value, without the key */
    static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> type = invalid.getTargetType();
            String value = "'" + invalid.getValue() + "'";
            if (type.isEnum()) {
                return value + " must be " + Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")).replaceFirst(", ([^,]*)$", " or $1");
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return value + " is not a whole number";
            }
            if (type == boolean.class || type == Boolean.class) {
                return value + " must be true or false";
            }
        }
        if (e instanceof MismatchedInputException mismatched && !(e instanceof InvalidFormatException)
                && mismatched.getTargetType() != null) {
            return Collection.class.isAssignableFrom(mismatched.getTargetType())
                    ? "expected a list, e.g. [a, b] (or a, b from the environment or a flag)"
                    : "expected a single value";
        }
        return e.getOriginalMessage();
    }
}
