package io.kalisocket.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Lua scripts: each runs atomically in Redis on one entity's keys, so a check and the write it guards never
 * interleave with another node's. The sources are {@code lua/<name>.lua}. {@code SEND_ALL} runs in the key prefix's
 * slot (on a Redis Cluster), is prefixed with {@code lua/lib.lua} and takes the prefix as {@code ARGV[1]}; the others
 * touch only the {@code KEYS} they are given, one entity's, in that entity's slot ({@link RedisLink#runOn}); those of
 * a user, group or everyone are prefixed with {@code lua/entity.lua}, those of a connection with it and
 * {@code lua/client.lua}.
 */
enum Script {
    /** Every other node, with everyone's route stamp, for {@code sendToAll} (in the prefix's slot). */
    SEND_ALL,
    /** A connection registered by the node holding it (its record, in the client's own slot). */
    REGISTER(Lib.CLIENT),
    /** Whether a connection is registered. */
    ONLINE(Lib.CLIENT),
    /** The node holding a connection. */
    WHERE(Lib.CLIENT),
    /** A connection's user set by the node holding it. */
    BIND(Lib.CLIENT),
    /** A connection's user removed by the node holding it. */
    UNBIND(Lib.CLIENT),
    /** A group added to a connection's by the node holding it. */
    JOIN(Lib.CLIENT),
    /** A group removed from a connection's by the node holding it. */
    LEAVE(Lib.CLIENT),
    /** Where a connection is, with its route stamp. */
    TO_CLIENT(Lib.CLIENT),
    /** A drop's first step: the connection's user, groups and epoch, when the node may drop it. */
    HELD(Lib.CLIENT),
    /** A drop's last step: the connection's record, groups, route, session and recovery stream deleted. */
    DROP(Lib.CLIENT),
    /** Whether a dead node can be forgotten (its heartbeat and list, in its own slot). */
    FINISH_PURGE(Lib.NONE),
    /** A cache entry's counter (one key). */
    INCR(Lib.NONE),
    /** A push appended to a connection's recovery stream (its two keys). */
    APPEND(Lib.NONE),
    /** A connection's recovery stream deleted unless another node claimed it. */
    FORGET(Lib.NONE),
    /** A claim in the client's slot: the stream's writer and the connection's holder become the claiming node. */
    CLAIM_STREAM(Lib.NONE),
    /** A claim's step in the prefix's slot: everyone's route switched. */
    EVERYONE_SWITCH(Lib.ENTITY),
    /** A connection's session written (its one key, in the client's own slot). */
    WRITE_SESSION(Lib.NONE),
    /** Where a user's connections are, with the user's route stamp (its three keys, in the user's slot). */
    USER_ROUTE(Lib.ENTITY),
    /** A connection added to its user's hash by the node holding it. */
    USER_ADD(Lib.ENTITY),
    /** A connection removed from its user's hash by the node holding it. */
    USER_REMOVE(Lib.ENTITY),
    /** A claim's step in the user's slot: the connection switched to the claiming node. */
    USER_SWITCH(Lib.ENTITY),
    /** Where a group's members are, with the group's route stamp (its four keys, in the group's slot). */
    GROUP_ROUTE(Lib.ENTITY),
    /** A connection added to a group's hash by the node holding it. */
    GROUP_ADD(Lib.ENTITY),
    /** A connection removed from a group's hash by the node holding it. */
    GROUP_REMOVE(Lib.ENTITY),
    /** A claim's step in a group's slot: the member switched to the claiming node. */
    GROUP_SWITCH(Lib.ENTITY),
    /** A group's hash emptied, its members and holders answered. */
    GROUP_DISSOLVE(Lib.ENTITY);

    /** What a script's source is prefixed with. */
    private enum Lib {
        /** {@code lua/lib.lua}: a script in the key prefix's slot (the registry), the prefix as {@code ARGV[1]}. */
        MEMBERSHIP,
        /** {@code lua/entity.lua}: a script in one user's or group's slot. */
        ENTITY,
        /** {@code lua/entity.lua} and {@code lua/client.lua}: a script in one connection's slot. */
        CLIENT,
        /** Nothing: a script on the keys it is given. */
        NONE
    }

    private final String source;
    private final String sha;

    Script() {
        this(Lib.MEMBERSHIP);
    }

    Script(Lib lib) {
        String own = read(name().toLowerCase(Locale.ROOT));
        this.source = switch (lib) {
            case MEMBERSHIP -> read("lib") + "\n" + own;
            case ENTITY -> read("entity") + "\n" + own;
            case CLIENT -> read("entity") + "\n" + read("client") + "\n" + own;
            case NONE -> own;
        };
        this.sha = sha1(source);
    }

    /** @return the script's text */
    String source() {
        return source;
    }

    /** @return the script's SHA-1, for EVALSHA */
    String sha() {
        return sha;
    }

    private static String read(String name) {
        try (InputStream in = Script.class.getResourceAsStream("lua/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script lua/" + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
