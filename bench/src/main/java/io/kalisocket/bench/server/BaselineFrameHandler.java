package io.kalisocket.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.Map;

/**
 * The baseline's whole application, written the way a user would by hand: parse each text
 * frame into a Jackson tree, build the reply tree, one {@code writeAndFlush} per reply.
 *
 * <ul>
 *   <li>{@code ~H#C~} is answered {@code ~H#S~};</li>
 *   <li>{@code ct=echo} (any action) replies {@code {"ct","ac","code":0,"msg":"ok","data":data,"msgid"?}};</li>
 *   <li>{@code ct=group,ac=join,group=G} joins G; {@code ct=group,ac=send,group=G,data=D} pushes D
 *       to every member of G (encoded once, through a {@link ChannelGroup}) and replies;</li>
 *   <li>anything else gets {@code code 404}, unparsable text {@code code 400}.</li>
 * </ul>
 */
final class BaselineFrameHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private final ObjectMapper json;
    private final Map<String, ChannelGroup> groups;
    private final ArrivalProbe arrivals;

    BaselineFrameHandler(ObjectMapper json, Map<String, ChannelGroup> groups, ArrivalProbe arrivals) {
        this.json = json;
        this.groups = groups;
        this.arrivals = arrivals;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws Exception {
        String text = frame.text();
        if (text.equals("~H#C~")) {
            ctx.writeAndFlush(new TextWebSocketFrame("~H#S~"));
            return;
        }
        JsonNode msg;
        try {
            msg = json.readTree(text);
        } catch (Exception e) {
            reply(ctx, null, 400, "bad message", null);
            return;
        }
        if (msg == null || !msg.isObject()) {
            reply(ctx, null, 400, "bad message", null);
            return;
        }
        String ct = msg.path("ct").asText();
        String ac = msg.path("ac").asText();
        if (ct.equals("echo")) {
            arrivals.arrived(msg.get("data"), msg.get("sent"));
            reply(ctx, msg, 0, "ok", msg.get("data"));
        } else if (ct.equals("group") && ac.equals("join")) {
            groups.computeIfAbsent(msg.path("group").asText(), g -> new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
                    .add(ctx.channel());
            reply(ctx, msg, 0, "ok", json.getNodeFactory().booleanNode(true));
        } else if (ct.equals("group") && ac.equals("send")) {
            ChannelGroup members = groups.get(msg.path("group").asText());
            if (members != null) {
                members.writeAndFlush(new TextWebSocketFrame(json.writeValueAsString(msg.get("data"))));
            }
            reply(ctx, msg, 0, "ok", json.getNodeFactory().numberNode(members == null ? 0 : members.size()));
        } else {
            reply(ctx, msg, 404, "no such controller or action", null);
        }
    }

    private void reply(ChannelHandlerContext ctx, JsonNode msg, int code, String text, JsonNode data) throws Exception {
        ObjectNode reply = json.createObjectNode();
        reply.set("ct", msg == null ? null : msg.get("ct"));
        reply.set("ac", msg == null ? null : msg.get("ac"));
        reply.put("code", code);
        reply.put("msg", text);
        reply.set("data", data);
        if (msg != null && msg.has("msgid")) {
            reply.set("msgid", msg.get("msgid"));
        }
        ctx.writeAndFlush(new TextWebSocketFrame(json.writeValueAsString(reply)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
