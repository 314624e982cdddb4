package io.kalisocket.internal.logging;

import io.kalisocket.internal.connection.ChannelConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code logging.connections: each}: one INFO line per connect and one per close, with client id, real ip,
 * duration, messages in and out and the close code; each value also as a key-value pair, so the JSON format
 * carries them as fields. For debugging and small deployments: at thousands of connects a second the lines cost
 * more than the connects.
 */
public final class EachConnectionLine implements ConnectionLog {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLog.LOGGER);

    @Override
    public void opened(ChannelConnection c) {
        if (log.isInfoEnabled()) {
            log.atInfo()
                    .setMessage("connected {} ip={} socket={}")
                    .addArgument(c.id()).addArgument(c.ip()).addArgument(c.remoteAddress())
                    .addKeyValue("event", "connect").addKeyValue("client_id", c.id()).addKeyValue("ip", c.ip())
                    .log();
        }
    }

    @Override
    public void closed(ChannelConnection c, int code, String closedBy, String reason) {
        if (log.isInfoEnabled()) {
            long duration = System.currentTimeMillis() - c.openedAtMillis();
            log.atInfo()
                    .setMessage("closed {} ip={} duration={}ms in={} out={} code={} by={}{}")
                    .addArgument(c.id()).addArgument(c.ip()).addArgument(duration)
                    .addArgument(c.socket().messagesIn()).addArgument(c.socket().messagesOut()).addArgument(code)
                    .addArgument(closedBy).addArgument(reason.isEmpty() ? "" : " reason=" + reason)
                    .addKeyValue("event", "close").addKeyValue("client_id", c.id()).addKeyValue("ip", c.ip())
                    .addKeyValue("duration_ms", duration).addKeyValue("messages_in", c.socket().messagesIn())
                    .addKeyValue("messages_out", c.socket().messagesOut()).addKeyValue("close_code", code)
                    .addKeyValue("closed_by", closedBy)
                    .log();
        }
    }
}
