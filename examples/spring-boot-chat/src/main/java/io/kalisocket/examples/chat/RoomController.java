package io.kalisocket.examples.chat;

import io.kalisocket.mvc.Controller;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;
import java.util.List;
import java.util.Map;

/** {@code ct=room}: join a room, talk in it, read its history. A Spring bean: {@link ChatHistory} is injected. */
@Controller("room")
public class RoomController {

    private final ChatHistory history;

    /** @param history the rooms' messages, injected by Spring */
    public RoomController(ChatHistory history) {
        this.history = history;
    }

    /** @param room the room */
    public record RoomRequest(String room) {
    }

    /**
     * @param room the room
     * @param text what to say
     */
    public record SayRequest(String room, String text) {
    }

    /**
     * {@code ac=join}: this connection joins the room.
     *
     * @param ctx the call
     * @param request the room
     * @return {@code {"room":R,"members":N}}
     */
    public Map<String, Object> join(Ctx ctx, RoomRequest request) {
        String room = room(request.room());
        ctx.gateway().joinGroup(ctx.clientId(), room);
        return Map.of("room", room, "members", ctx.gateway().getClientIdCountByGroup(room));
    }

    /**
     * {@code ac=say}: the other members get {@code {"type":"say","room":R,"from":U,"text":T,"id":N}}.
     *
     * @param ctx the call
     * @param request the room and text
     * @return {@code {"id":N}}
     * @throws KaliException 401 before login, 400 for an empty text
     */
    public Map<String, Object> say(Ctx ctx, SayRequest request) {
        String from = ctx.uid().orElseThrow(() -> KaliException.unauthorized("log in first (user/login)"));
        String room = room(request.room());
        if (request.text() == null || request.text().isBlank()) {
            throw KaliException.badRequest("text is empty");
        }
        ChatHistory.Message message = history.add(room, from, request.text());
        ctx.gateway().sendToGroup(room, Map.of("type", "say", "room", room, "from", from, "text", message.text(),
                "id", message.id()), ctx.clientId());
        return Map.of("id", message.id());
    }

    /**
     * {@code ac=history}: the room's last messages, oldest first.
     *
     * @param ctx the call
     * @param request the room
     * @return the messages
     */
    public List<ChatHistory.Message> history(Ctx ctx, RoomRequest request) {
        return history.of(room(request.room()));
    }

    private static String room(String room) {
        if (room == null || !room.matches("[A-Za-z0-9_-]{1,32}")) {
            throw KaliException.badRequest("room must be 1-32 of [A-Za-z0-9_-]");
        }
        return room;
    }
}
