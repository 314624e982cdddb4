package io.kalisocket.demo.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kalisocket.demo.chat.Checks;
import io.kalisocket.demo.chat.Pushes;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;

/** {@code ct=user}: logging in and private messages. */
public final class UserController {

    /** @param uid the user to log in as, 1-64 characters */
    public record LoginRequest(String uid) {
    }

    /** @param uid the user now bound @param clientId this connection */
    public record LoginReply(String uid, @JsonProperty("client_id") String clientId) {
    }

    /** @param to the recipient's uid @param text 1-4,096 characters */
    public record SendRequest(String to, String text) {
    }

    /** @param delivered connections of the recipient handed the message (0 when offline) */
    public record SendReply(int delivered) {
    }

    /**
     * {@code ac=login}: binds the uid to this connection; logging in again rebinds it. With auth on
     * ({@code auth.jwt.*}) the uid is the token's and another one is a 403.
     *
     * @param ctx the call
     * @param request the uid
     * @return {@code {"uid":U,"client_id":ID}}
     */
    public LoginReply login(Ctx ctx, LoginRequest request) {
        String uid = Checks.uid("uid", request.uid());
        // With auth on, the token says who the client is: logging in as someone else would undo it.
        ctx.connection().principal().filter(p -> !p.uid().equals(uid)).ifPresent(p -> {
            throw KaliException.forbidden("this connection is " + p.uid() + " (from its token)");
        });
        ctx.gateway().bindUid(ctx.clientId(), uid);
        return new LoginReply(uid, ctx.clientId());
    }

    /**
     * {@code ac=send}: hands {@code {"type":"private","from":ME,"text":T}} to every connection of the user.
     *
     * @param ctx the call
     * @param request the recipient and text
     * @return {@code {"delivered":N}}
     * @throws KaliException 401 when not logged in, 400 for a bad recipient or text
     */
    public SendReply send(Ctx ctx, SendRequest request) {
        String from = ctx.uid().orElseThrow(() -> KaliException.unauthorized("log in first (user/login)"));
        String to = Checks.uid("to", request.to());
        String text = Checks.text(request.text());
        return new SendReply(ctx.gateway().sendToUid(to, Pushes.privateMessage(from, text)));
    }
}
