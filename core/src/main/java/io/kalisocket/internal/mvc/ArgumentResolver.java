package io.kalisocket.internal.mvc;

import io.kalisocket.mvc.Ctx;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Produces one argument of an action from the call; chosen once per parameter at start-up. */
@FunctionalInterface
interface ArgumentResolver {

    Object resolve(Ctx ctx, ObjectNode params) throws BindingException;

    /** The call's context. */
    static ArgumentResolver context() {
        return (ctx, params) -> ctx;
    }

    /** Every param as a JSON tree. */
    static ArgumentResolver tree() {
        return (ctx, params) -> params;
    }

    /** Every param as a plain map, converted only for actions that ask for one. */
    static ArgumentResolver map(ObjectMapper mapper) {
        return (ctx, params) -> mapper.convertValue(params, Map.class);
    }

    /** The params bound to a record or POJO; a field that does not fit is a 400 naming it. */
    static ArgumentResolver request(ObjectMapper mapper, Class<?> type) {
        ObjectReader reader = mapper.readerFor(type);
        return (ctx, params) -> {
            try {
                return reader.readValue(params);
            } catch (JsonMappingException e) {
                throw new BindingException(describe(e));
            } catch (JsonProcessingException e) {
                throw new BindingException("params do not fit the action: " + e.getOriginalMessage());
            } catch (java.io.IOException e) {
                throw new BindingException("params do not fit the action");
            }
        };
    }

    private static String describe(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String problem = e.getOriginalMessage();
        int cut = problem.indexOf('\n');
        problem = cut > 0 ? problem.substring(0, cut) : problem;
        return field.length() == 0 ? "invalid params: " + problem : "invalid field '" + field + "': " + problem;
    }
}
