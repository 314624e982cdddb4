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
 * The Lua scripts that keep membership consistent: each runs atomically in Redis, so a count never sees
 * half an operation, and each send's fan-out (lookup plus one PUBLISH per target node) is one round trip.
 * The sources are {@code lua/<name>.lua}, each prefixed with {@code lua/lib.lua}.
 */
enum Script {
    DROP, FINISH_PURGE, BIND, UNBIND, JOIN, LEAVE, UNGROUP, SESSION, TO_CLIENT, SEND_CLIENTS, SEND_UIDS,
    SEND_GROUPS, SEND_ALL, CENSUS, INCR, ONLINE, APPEND, CLAIM, FORGET, ROUTE_UID;

    private final String source;
    private final String sha;

    Script() {
        this.source = read("lib") + "\n" + read(name().toLowerCase(Locale.ROOT));
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
