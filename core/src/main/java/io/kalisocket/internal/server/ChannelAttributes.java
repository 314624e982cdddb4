package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.connection.Handshake;
import io.netty.util.AttributeKey;

/** What the server keeps on each channel. */
final class ChannelAttributes {

    /** The connection, made when the TCP connection is accepted. */
    static final AttributeKey<ChannelConnection> CONNECTION = AttributeKey.valueOf("kalisocket.connection");
    /** The upgrade request, once it passed the checks. */
    static final AttributeKey<Handshake> HANDSHAKE = AttributeKey.valueOf("kalisocket.handshake");

    private ChannelAttributes() {
    }
}
