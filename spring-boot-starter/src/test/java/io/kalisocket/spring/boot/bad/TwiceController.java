package io.kalisocket.spring.boot.bad;

import io.kalisocket.mvc.Ctx;
import java.util.Map;

/** Two methods for one action: the server refuses it at start, and so the context does not start. */
public class TwiceController {

    /** @param ctx the call @return nothing useful */
    public Object go(Ctx ctx) {
        return Map.of();
    }

    /** @param ctx the call @param params the params @return nothing useful */
    public Object go(Ctx ctx, Map<String, Object> params) {
        return params;
    }
}
