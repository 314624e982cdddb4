package io.kalisocket.internal.server;

import io.kalisocket.connection.Handshake;
import io.netty.util.AttributeKey;

/** What the server keeps on each channel. */
final class ChannelAttributes {

    /** The upgrade request, once it passed the checks. */
    static final AttributeKey<Handshake> HANDSHAKE = AttributeKey.valueOf("kalisocket.handshake");

    private ChannelAttributes() {
    }
}
