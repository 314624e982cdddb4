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
 * one entity's, in that entity's slot ({@link RedisLink#runOn}).
 */
enum Script {
    DROP, FINISH_PURGE, BIND, UNBIND, JOIN, LEAVE, UNGROUP, WHERE, TO_CLIENT, SEND_CLIENTS,
    SEND_GROUPS, SEND_ALL, CENSUS, ONLINE, CLAIM,
    /** A cache entry's counter (one key). */
    INCR(false),
    /** A push appended to a connection's recovery stream (its two keys). */
    APPEND(false),
    /** A connection's recovery stream deleted unless another node claimed it. */
    FORGET(false),
    /** The first step of a claim: the stream's writer becomes the claiming node. */
    CLAIM_STREAM(false),
    /** A claim's first step undone when its second one failed. */
    UNCLAIM_STREAM(false),
    /** A connection's session written (its one key, in the client's own slot). */
    WRITE_SESSION(false),
    /** Where a user's connections are, with the user's route stamp (its three keys, in the user's slot). */
    USER_ROUTE(false),
    /** A connection added to its user's hash by the node holding it. */
    USER_ADD(false),
    /** A connection removed from its user's hash by the node holding it. */
    USER_REMOVE(false),
    /** A claim's step in the user's slot: the connection switched to the claiming node. */
    USER_SWITCH(false);

    private final String source;
    private final String sha;

    Script() {
        this(true);
    }

    Script(boolean membership) {
        String own = read(name().toLowerCase(Locale.ROOT));
        this.source = membership ? read("lib") + "\n" + own : own;
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
