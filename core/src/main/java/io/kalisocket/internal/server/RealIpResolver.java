package io.kalisocket.internal.server;

import io.kalisocket.config.Cidr;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Finds a client's real IP. {@code X-Real-IP}, then the first untrusted hop of {@code X-Forwarded-For}
 * (read right to left), are believed only when the TCP peer is a trusted proxy; otherwise, and when the
 * headers hold no valid address, the socket's address is the answer. Never resolves names.
 */
final class RealIpResolver {

    private final List<Cidr> trusted;

    RealIpResolver(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Cidr::parse).toList();
    }

    /**
     * @param peer the TCP peer
     * @param headers the upgrade request's headers
     * @return the client's real IP, as one string per address: clients behind one proxy or NAT share it rather than
     *     each connection keeping a copy (56 bytes of every idle connection); the JVM's string table lets go of an
     *     IP no connection holds any more
     */
    String resolve(InetSocketAddress peer, HttpHeaders headers) {
        return find(peer, headers).intern();
    }

    private String find(InetSocketAddress peer, HttpHeaders headers) {
        InetAddress peerAddress = peer.getAddress();
        String socketIp = peerAddress.getHostAddress();
        if (!isTrusted(peerAddress)) {
            return socketIp;
        }
        InetAddress realIp = literal(headers.get("X-Real-IP"));
        if (realIp != null) {
            return realIp.getHostAddress();
        }
        String forwarded = headers.get("X-Forwarded-For");
        if (forwarded != null) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = literal(hops[i]);
                if (hop == null) {
                    break;
                }
                if (!isTrusted(hop) || i == 0) {
                    return hop.getHostAddress();
                }
            }
        }
        return socketIp;
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Parses an IP literal; anything else (names included) is null, so no DNS lookup ever happens. */
    private static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > 45 || !s.matches("[0-9a-fA-F:.]+") || !s.matches(".*[.:].*")) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
