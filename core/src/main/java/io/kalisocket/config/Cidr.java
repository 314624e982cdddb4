package io.kalisocket.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code ::1/128}, used for trusted proxies.
 *
 * @param network the network's address bytes
 * @param prefixLength the number of leading bits that must match
 */
public record Cidr(byte[] network, int prefixLength) {

    /**
     * Parses {@code address/prefix} (or a bare address, meaning a single host). Only literal addresses are
     * accepted: nothing is resolved through DNS.
     *
     * @param text the range
     * @return the range
     * @throws IllegalArgumentException when the text is not a range
     */
    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP range (e.g. 10.0.0.0/8)");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP range (e.g. 10.0.0.0/8)");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a bad prefix length (0-" + bits + ")");
            }
        }
        return new Cidr(address, prefix);
    }

    /**
     * @param address a peer's address
     * @return true when the address lies in this range (IPv4 and IPv6 never match each other)
     */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest);
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
