package io.kalisocket.demo.controller;

import io.kalisocket.demo.chat.ChatMessage;
import io.kalisocket.demo.chat.Checks;
import io.kalisocket.demo.chat.InMemoryMessageStore;
import io.kalisocket.demo.chat.MessageStore;
import io.kalisocket.demo.chat.Pushes;
import io.kalisocket.demo.chat.Rooms;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code ct=room}: rooms are gateway groups. Members are told who joins and leaves; what is said reaches
 * every other member once, in order. Room names are 1-64 characters of {@code [A-Za-z0-9_.-]} (else 400).
 */
public final class RoomController {

    /** Messages {@code history} returns when the call gives no limit. */
    static final int DEFAULT_HISTORY = 20;

    private final MessageStore store;

    /** Numbers messages in memory. */
    public RoomController() {
        this(new InMemoryMessageStore());
    }

    /** @param store gives each message said its id */
    public RoomController(MessageStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @param room the room */
    public record RoomRequest(String room) {
    }

    /** @param room the room @param text 1-4,096 characters */
    public record SayRequest(String room, String text) {
    }

    /** @param room the room @param members its connections now */
    public record RoomReply(String room, int members) {
    }

    /** @param id the message's id */
    public record SayReply(long id) {
    }

    /** @param room the room @param limit how many of the latest messages, 1-100 (default 20) */
    public record HistoryRequest(String room, Integer limit) {
    }

    /** @param count the room's connections @param uids the distinct users among them */
    public record MembersReply(int count, Set<String> uids) {
    }

    /**
     * {@code ac=join}: the other members get {@code {"type":"join","room":R,"uid":U,"client_id":ID}}
     * (not when already a member).
     *
     * @param ctx the call
     * @param request the room
     * @return {@code {"room":R,"members":N}}, N counting this connection
     */
    public RoomReply join(Ctx ctx, RoomRequest request) {
        String room = Checks.room(request.room());
        Gateway gateway = ctx.gateway();
        boolean joined = Rooms.add(ctx.session(), room);
        gateway.joinGroup(ctx.clientId(), room);
        if (joined) {
            gateway.sendToGroup(room, Pushes.join(room, ctx.uid().orElse(null), ctx.clientId()), ctx.clientId());
        }
        return new RoomReply(room, gateway.getClientIdCountByGroup(room));
    }

    /**
     * {@code ac=leave}: the other members get {@code {"type":"leave",...}} (not when no member).
     *
     * @param ctx the call
     * @param request the room
     * @return {@code {"room":R,"members":N}}, N the connections left in it
     */
    public RoomReply leave(Ctx ctx, RoomRequest request) {
        String room = Checks.room(request.room());
        Gateway gateway = ctx.gateway();
        if (Rooms.remove(ctx.session(), room)) {
            gateway.leaveGroup(ctx.clientId(), room);
            gateway.sendToGroup(room, Pushes.leave(room, ctx.uid().orElse(null), ctx.clientId()));
        }
        return new RoomReply(room, gateway.getClientIdCountByGroup(room));
    }

    /**
     * {@code ac=say}: every other member gets
     * {@code {"type":"say","room":R,"from":U,"text":T,"id":MID,"ts":MILLIS}}.
     *
     * @param ctx the call
     * @param request the room and text
     * @return {@code {"id":MID}}
     * @throws KaliException 400 for a bad room or text, 403 when not a member
     */
    public SayReply say(Ctx ctx, SayRequest request) {
        String room = Checks.room(request.room());
        String text = Checks.text(request.text());
        if (!Rooms.contains(ctx.session(), room)) {
            throw KaliException.forbidden("join room " + room + " first");
        }
        ChatMessage message = store.save(room, ctx.uid().orElse(null), text);
        ctx.gateway().sendToGroup(room, Pushes.say(message), ctx.clientId());
        return new SayReply(message.id());
    }

    /**
     * {@code ac=history}: the room's last messages, oldest first, each {@code {"id","room","from","text","ts"}}.
     *
     * @param ctx the call
     * @param request the room and limit
     * @return the messages
     * @throws KaliException 400 for a bad room or limit, 403 when not a member
     */
    public List<ChatMessage> history(Ctx ctx, HistoryRequest request) {
        String room = Checks.room(request.room());
        int limit = request.limit() == null ? DEFAULT_HISTORY : request.limit();
        if (limit < 1 || limit > MessageStore.MAX_HISTORY) {
            throw KaliException.badRequest("limit must be 1-" + MessageStore.MAX_HISTORY);
        }
        if (!Rooms.contains(ctx.session(), room)) {
            throw KaliException.forbidden("join room " + room + " first");
        }
        return store.history(room, limit);
    }

    /**
     * {@code ac=members}.
     *
     * @param ctx the call
     * @param request the room
     * @return {@code {"count":N,"uids":[...]}}
     */
    public MembersReply members(Ctx ctx, RoomRequest request) {
        String room = Checks.room(request.room());
        Gateway gateway = ctx.gateway();
        return new MembersReply(gateway.getClientIdCountByGroup(room), gateway.getUidListByGroup(room));
    }
}
