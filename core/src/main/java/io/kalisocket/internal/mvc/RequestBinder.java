package io.kalisocket.internal.mvc;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a call's params to an action's request record or POJO. A value that does not fit becomes a
 * {@link BindingException} in the framework's words ({@link BindingMessages}); Jackson's own message, with its Java
 * type names, is logged at DEBUG only.
 *
 * <p>A request type may validate itself in its constructor: a {@link KaliException} thrown there reaches the client
 * with its code and message, an {@link IllegalArgumentException} as a 400 with its message (both are the app's own
 * words); anything else thrown there is a plain 400.
 */
final class RequestBinder {

    private static final Logger log = LoggerFactory.getLogger(RequestBinder.class);

    private final ObjectReader reader;
    private final Class<?> type;

    /**
     * @param mapper the server's mapper (its features decide what binds, e.g. fractions for integers)
     * @param type the action's request type
     */
    RequestBinder(ObjectMapper mapper, Class<?> type) {
        this.reader = mapper.readerFor(type);
        this.type = type;
    }

    /**
     * @param ctx the call, named in the debug log
     * @param params the call's params
     * @return the request
     * @throws BindingException when the params do not fit the request type
     */
    Object bind(Ctx ctx, ObjectNode params) throws BindingException {
        try {
            return reader.readValue(params);
        } catch (ValueInstantiationException e) {
            throw refusedByConstructor(ctx, e);
        } catch (JsonMappingException e) {
            debug(ctx, e);
            throw new BindingException(BindingMessages.describe(e));
        } catch (IOException e) {
            debug(ctx, e);
            throw new BindingException("params do not fit the action");
        }
    }

    private BindingException refusedByConstructor(Ctx ctx, ValueInstantiationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof KaliException app) {
            throw app;
        }
        debug(ctx, e);
        if (cause instanceof IllegalArgumentException invalid && !(cause instanceof NumberFormatException)
                && invalid.getMessage() != null) {
            return new BindingException(invalid.getMessage());
        }
        return new BindingException("params do not fit the action");
    }

    private void debug(Ctx ctx, IOException e) {
        if (log.isDebugEnabled()) {
            String detail = e instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : e.getMessage();
            log.debug("params of {}/{} from client {} do not bind to {}: {}", ctx.controller(), ctx.action(),
                    ctx.clientId(), type.getName(), detail);
        }
    }
}
