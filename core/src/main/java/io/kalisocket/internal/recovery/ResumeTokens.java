package io.kalisocket.internal.recovery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks resume tokens: {@code CLIENT_ID "." BASE64URL(HMAC-SHA256(secret, CLIENT_ID "." EPOCH))},
 * the MAC cut to 16 bytes. Any node with the secret checks a token without a lookup, and the client id in
 * it says which connection the client wants back. Thread-safe.
 */
final class ResumeTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    private final String epoch;

    /**
     * @param secret the signing key; empty for a random key of this process
     * @param epoch the epoch tokens are issued in
     */
    ResumeTokens(String secret, String epoch) {
        byte[] bytes = secret.isEmpty() ? random(32) : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.epoch = epoch;
    }

    /** @param clientId a recoverable connection's client id @return its token */
    String issue(String clientId) {
        return clientId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(clientId));
    }

    /** @param token a token a client presented @return the client id it was issued for, when genuine */
    Optional<String> verify(String token) {
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String clientId = token.substring(0, dot);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(presented, mac(clientId)) ? Optional.of(clientId) : Optional.empty();
    }

    private byte[] mac(String clientId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] full = mac.doFinal((clientId + "." + epoch).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** @param n how many @return random bytes */
    static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
