package io.kalisocket.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Signs JWTs for tests with nimbus-jose-jwt: HS256 with a secret, RS256 and ES256 with keys made here (their public
 * half written as PEM for {@code auth.jwt.public-key-file}).
 *
 * <pre>{@code
 * TestTokens hs = TestTokens.hs256(TestTokens.SECRET);
 * String token = hs.sign(c -> c.subject("ann").expirationTime(TestTokens.at(clock.instant().plusSeconds(60))));
 * }</pre>
 *
 * @param algorithm the header's algorithm
 * @param signer signs with the private or secret key
 * @param publicKey the public key, or null for HS256
 */
public record TestTokens(JWSAlgorithm algorithm, JWSSigner signer, PublicKey publicKey) {

    /** A 32-byte HS256 secret, the least {@code auth.jwt.secret} accepts. */
    public static final String SECRET = "0123456789abcdef0123456789abcdef";

    /** @param secret at least 32 bytes @return HS256 tokens */
    public static TestTokens hs256(String secret) {
        try {
            return new TestTokens(JWSAlgorithm.HS256, new MACSigner(secret), null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return RS256 tokens of a new 2048-bit RSA key */
    public static TestTokens rs256() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).generate();
            return new TestTokens(JWSAlgorithm.RS256, new RSASSASigner(key), key.toPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return ES256 tokens of a new EC P-256 key */
    public static TestTokens es256() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).generate();
            return new TestTokens(JWSAlgorithm.ES256, new ECDSASigner(key), key.toPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param claims sets the claims, e.g. {@code c -> c.subject("ann")}
     * @return the signed token, compact
     */
    public String sign(UnaryOperator<JWTClaimsSet.Builder> claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.apply(new JWTClaimsSet.Builder()).build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** @param sub the subject @param exp the expiry @return a signed token with just those claims */
    public String sign(String sub, Instant exp) {
        return sign(c -> c.subject(sub).expirationTime(Date.from(exp)));
    }

    /** @param sub the subject @return an unsigned token ({@code alg: none}) */
    public static String unsigned(String sub) {
        return new PlainJWT(new JWTClaimsSet.Builder().subject(sub).build()).serialize();
    }

    /** @param instant a time @return it as the {@link Date} nimbus's claims take */
    public static Date at(Instant instant) {
        return Date.from(instant);
    }

    /**
     * @param dir where to write
     * @return a PEM file ({@code -----BEGIN PUBLIC KEY-----}) holding the public key, for
     *     {@code auth.jwt.public-key-file}
     */
    public Path writePublicKey(Path dir) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            return Files.writeString(dir.resolve(algorithm.getName().toLowerCase() + ".pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
