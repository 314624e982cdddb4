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
 * The Lua scripts: each runs atomically in Redis, so a count never sees half an operation, and a send's routing,
 * whatever the number of recipients, is one round trip. The sources are {@code lua/<name>.lua}. Those that run in
 * the slot of the application's membership (the key prefix's, on a Redis Cluster) are prefixed with
 * {@code lua/lib.lua} and take the prefix as {@code ARGV[1]}; the others touch only the {@code KEYS} they are given,
 * one entity's, in that entity's slot ({@link RedisLink#runOn}); those of a user or group are prefixed with
 * {@code lua/entity.lua}.
 */
enum Script {
    DROP, FINISH_PURGE, BIND, UNBIND, JOIN, LEAVE, UNGROUP, WHERE, TO_CLIENT, SEND_CLIENTS, SEND_ALL, ONLINE,
    CLAIM,
    /** A cache entry's counter (one key). */
    INCR(Lib.NONE),
    /** A push appended to a connection's recovery stream (its two keys). */
    APPEND(Lib.NONE),
    /** A connection's recovery stream deleted unless another node claimed it. */
    FORGET(Lib.NONE),
    /** The first step of a claim: the stream's writer becomes the claiming node. */
    CLAIM_STREAM(Lib.NONE),
    /** A claim's first step undone when its second one failed. */
    UNCLAIM_STREAM(Lib.NONE),
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
        /** {@code lua/lib.lua}: a script in the membership's slot, the prefix as {@code ARGV[1]}. */
        MEMBERSHIP,
        /** {@code lua/entity.lua}: a script in one user's or group's slot. */
        ENTITY,
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
