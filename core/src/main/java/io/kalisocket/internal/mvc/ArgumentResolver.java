package io.kalisocket.internal.mvc;

import io.kalisocket.mvc.Ctx;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** The params bound to a record or POJO; a field that does not fit is a 400 naming it ({@link RequestBinder}). */
    static ArgumentResolver request(ObjectMapper mapper, Class<?> type) {
        return new RequestBinder(mapper, type)::bind;
    }
}
