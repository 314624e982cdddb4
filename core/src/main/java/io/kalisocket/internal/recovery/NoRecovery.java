package io.kalisocket.internal.recovery;

import io.kalisocket.connection.Handshake;
import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.Channel;
import java.util.Map;

/** Recovery turned off: every connection is plain, every socket end finishes its connection. */
enum NoRecovery implements RecoveryHook {
    /** The one instance; it has no state. */
    INSTANCE;

    @Override
    public Upgrade upgraded(ChannelConnection fresh, Handshake handshake) {
        return new Upgrade(fresh, false, () -> { });
    }

    @Override
    public Disposition closed(ChannelConnection connection, Channel channel) {
        return Disposition.FINISH;
    }

    @Override
    public void idle(ChannelConnection connection) {
    }

    @Override
    public void closingForGood(Channel channel) {
    }

    @Override
    public Map<String, Object> status() {
        return Map.of("enabled", false);
    }

    @Override
    public void stop() {
    }
}
