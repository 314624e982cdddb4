package io.kalisocket.internal.mvc;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Turns Jackson's binding failures into the words a client reads in a 400: {@code field 'text' must be a string},
 * {@code missing field 'room'}. Jackson's own message names Java types and parser tokens, which mean nothing to a
 * client and tell an attacker what runs the server, so it goes to the server's debug log only.
 */
final class BindingMessages {

    /** Jackson's message for a missing {@code @JsonProperty(required = true)} or creator property. */
    private static final String MISSING = "Missing required creator property";
    /** Precedes the accepted names in Jackson's message for an unknown enum value. */
    private static final String ENUM_VALUES = "Enum class: [";

    private BindingMessages() {
    }

    /**
     * @param e why the params did not bind
     * @return the 400's message, without Java type names or Jackson's words
     */
    static String describe(JsonMappingException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + join(field, unknown.getPropertyName()) + "'";
        }
        if (field.isEmpty()) {
            return "params do not fit the action";
        }
        if (e instanceof InvalidNullException) {
            return "field '" + field + "' must not be null";
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith(MISSING)) {
            return "missing field '" + field + "'";
        }
        if (e.getCause() instanceof InputCoercionException) {
            return "field '" + field + "' is out of range";
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum() && e instanceof InvalidFormatException) {
            return "field '" + field + "' must be one of " + enumValues(target, original);
        }
        String expected = target == null ? null : expected(target);
        return expected == null ? "field '" + field + "' is not valid" : "field '" + field + "' must be " + expected;
    }

    /**
     * @param type the Java type a value was bound to
     * @return what the client must send for it, e.g. "a whole number", or null when there is no plain word
     */
    static String expected(Class<?> type) {
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == char.class || type == Character.class) {
            return "a single character";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class || type == Number.class) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == byte[].class) {
            return "a base64 string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type) || ArrayNode.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || ObjectNode.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")
                || JsonNode.class.isAssignableFrom(type)) {
            return null;
        }
        return "an object"; // the app's own record or class: a nested JSON object
    }

    /** @return the failing field as the client wrote it, e.g. {@code address.city} or {@code items[2].name} */
    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String join(String path, String name) {
        return path.isEmpty() || path.endsWith(name) ? name : path;
    }

    /** The names Jackson accepts (which honour {@code @JsonProperty} on constants), else the constants' names. */
    private static String enumValues(Class<?> type, String original) {
        int start = original.indexOf(ENUM_VALUES);
        int end = original.lastIndexOf(']');
        if (start >= 0 && end > start) {
            return original.substring(start + ENUM_VALUES.length(), end);
        }
        StringBuilder names = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(((Enum<?>) constant).name());
        }
        return names.toString();
    }
}
