package io.kalisocket.examples.chat;

import io.kalisocket.mvc.Controller;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;

/** {@code ct=user}: who a connection is. */
@Controller("user")
public class UserController {

    /** @param uid the user's id */
    public record LoginRequest(String uid) {
    }

    /**
     * @param uid the bound uid
     * @param clientId this connection's id
     */
    public record LoginReply(String uid, String clientId) {
    }

    /**
     * {@code ac=login}: binds the uid to this connection.
     *
     * @param ctx the call
     * @param request the uid
     * @return the uid and the client id
     */
    public LoginReply login(Ctx ctx, LoginRequest request) {
        if (request.uid() == null || !request.uid().matches("[A-Za-z0-9_]{1,32}")) {
            throw KaliException.badRequest("uid must be 1-32 of [A-Za-z0-9_]");
        }
        ctx.gateway().bindUid(ctx.clientId(), request.uid());
        return new LoginReply(request.uid(), ctx.clientId());
    }
}
