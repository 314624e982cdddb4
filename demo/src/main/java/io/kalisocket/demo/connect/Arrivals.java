package io.kalisocket.demo.connect;

import io.kalisocket.demo.chat.Checks;
import io.kalisocket.demo.chat.Pushes;
import io.kalisocket.demo.chat.Rooms;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.gateway.Presence;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;

/**
 * What the connect actions do ({@code index/online} when a client connects, {@code ws://host:port/?uid=U}, and
 * {@code index/offline} when it leaves), whichever controller runs them. Neither is for clients to call: each
 * answers such a call with a 403. Arrivals and departures are told through {@link Presence}, once per interval:
 * everyone gets the counts ({@code presence.count}), and only clients that connected with {@code ?roster=1} get who
 * came and went ({@code presence}), so 10,000 clients connecting cost 10,000 small frames a second, not 10,000².
 */
public final class Arrivals {

    /** Session key set once the connect action ran. */
    private static final String WELCOMED = "welcomed";

    private final Presence presence;

    /** @param presence where arrivals and departures are told, in batches */
    public Arrivals(Presence presence) {
        this.presence = presence;
    }

    /**
     * @param uid the optional {@code ?uid=} of the WebSocket URL
     * @param roster {@code ?roster=1}: this client wants to hear who comes and goes, not only how many
     */
    public record OnlineRequest(String uid, String roster) {
    }

    /**
     * Binds the query's uid (a bad one closes the connection with 1008), puts the client in the roster group when
     * it asked ({@code ?roster=1}), welcomes it at once ({@code {"type":"welcome","client_id":ID,"uid":U}}) and
     * tells the others in the next presence frames.
     *
     * @param ctx the call
     * @param request the query string
     */
    public void online(Ctx ctx, OnlineRequest request) {
        if (ctx.session().get(WELCOMED).isPresent()) {
            throw KaliException.forbidden("online runs when the client connects");
        }
        String uid = request.uid() == null || request.uid().isEmpty() ? null : request.uid();
        if (uid != null) {
            try {
                Checks.uid("uid", uid);
            } catch (KaliException e) {
                ctx.connection().close(1008, e.getMessage());
                return;
            }
            ctx.gateway().bindUid(ctx.clientId(), uid);
        }
        ctx.session().put(WELCOMED, true);
        if ("1".equals(request.roster()) || "true".equals(request.roster())) {
            ctx.gateway().joinGroup(ctx.clientId(), presence.rosterGroup());
        }
        ctx.send(Pushes.welcome(ctx.clientId(), uid));
        presence.online(ctx.clientId(), uid);
    }

    /**
     * Leaves every room (their members get {@code leave} at once) and tells everyone in the next {@code presence}
     * frame; nothing for a client refused at connect.
     *
     * @param ctx the call, for a connection that has closed
     */
    public void offline(Ctx ctx) {
        if (ctx.connection().isOpen()) {
            throw KaliException.forbidden("offline runs when the client has left");
        }
        if (ctx.session().get(WELCOMED).isEmpty()) {
            return; // refused at connect: nobody was told it came
        }
        Gateway gateway = ctx.gateway();
        String uid = ctx.uid().orElse(null);
        for (String room : Rooms.of(ctx.session())) {
            gateway.sendToGroup(room, Pushes.leave(room, uid, ctx.clientId()), ctx.clientId());
        }
        presence.offline(ctx.clientId(), uid);
    }
}
