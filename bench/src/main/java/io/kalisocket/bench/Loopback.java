package io.kalisocket.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The bench's one network rule: load goes to this machine's loopback addresses only.
 *
 * <p>A target is accepted when its host is a literal loopback address ({@code 127.0.0.0/8},
 * {@code ::1}) or {@code localhost}; every other host is refused before any socket is opened.
 * Names are not resolved through DNS: a name other than {@code localhost} is refused outright.
 */
public final class Loopback {

    private Loopback() {
    }

    /**
     * Checks a WebSocket target and returns it.
     *
     * @param target a {@code ws://HOST:PORT/PATH} URI
     * @return the same URI
     * @throws IllegalArgumentException if the scheme is not {@code ws} or the host is not loopback
     */
    public static URI require(URI target) {
        if (!"ws".equalsIgnoreCase(target.getScheme())) {
            throw new IllegalArgumentException("target must be ws://HOST:PORT/, got " + target);
        }
        if (target.getPort() <= 0) {
            throw new IllegalArgumentException("target needs an explicit port: " + target);
        }
        if (!isLoopback(target.getHost())) {
            throw new IllegalArgumentException("refusing non-loopback target " + target
                    + ": the bench only sends load to 127.0.0.0/8, ::1 or localhost");
        }
        return target;
    }

    /**
     * Tells whether a host is a loopback address literal or {@code localhost}.
     *
     * @param host a host as written in a URI (IPv6 possibly in brackets)
     * @return true only for loopback literals and {@code localhost}
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.matches("[0-9A-Fa-f:]+")) {
            return false; // a name: never resolved, never accepted
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The address to connect to for a loopback target, never resolved through DNS.
     *
     * @param target a target accepted by {@link #require(URI)}
     * @return the loopback address
     */
    public static InetAddress address(URI target) {
        String h = require(target).getHost();
        try {
            return h.equalsIgnoreCase("localhost") ? InetAddress.getLoopbackAddress()
                    : InetAddress.getByName(h.replace("[", "").replace("]", ""));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad loopback host " + h, e);
        }
    }
}
