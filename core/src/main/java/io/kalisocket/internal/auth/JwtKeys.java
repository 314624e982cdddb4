package io.kalisocket.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import io.kalisocket.config.AuthConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key that verifies tokens and the one algorithm it is for: HS256 with {@code auth.jwt.secret}, RS256 with an RSA
 * {@code auth.jwt.public-key-file}, ES256 with an EC P-256 one (ES384/ES512 for P-384/P-521 keys). A token signed
 * with any other algorithm is refused, whatever its header says, so that a public key is never taken as an HMAC
 * secret.
 *
 * @param verifier checks signatures
 * @param algorithms the algorithms accepted
 */
record JwtKeys(JWSVerifier verifier, Set<JWSAlgorithm> algorithms) {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (PUBLIC KEY|CERTIFICATE)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    /**
     * @param jwt the {@code auth.jwt} keys, with a secret or a key file
     * @return the keys
     * @throws IllegalStateException when the key file cannot be read or holds no usable public key
     */
    static JwtKeys of(AuthConfig.Jwt jwt) {
        try {
            if (!jwt.secret().isEmpty()) {
                return new JwtKeys(new MACVerifier(jwt.secret().getBytes(StandardCharsets.UTF_8)),
                        Set.of(JWSAlgorithm.HS256));
            }
            PublicKey key = publicKey(Path.of(jwt.publicKeyFile()));
            if (key instanceof RSAPublicKey rsa) {
                return new JwtKeys(new RSASSAVerifier(rsa), Set.of(JWSAlgorithm.RS256));
            }
            if (key instanceof ECPublicKey ec) {
                ECDSAVerifier verifier = new ECDSAVerifier(ec); // its one algorithm follows the key's curve
                return new JwtKeys(verifier, verifier.supportedJWSAlgorithms());
            }
            throw new IllegalStateException("auth.jwt.public-key-file: a " + key.getAlgorithm()
                    + " key; RS256 needs an RSA key, ES256 an EC P-256 key");
        } catch (JOSEException e) {
            throw new IllegalStateException("auth.jwt: " + e.getMessage(), e);
        }
    }

    private static PublicKey publicKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("auth.jwt.public-key-file: cannot read " + file + ": " + e.getMessage(), e);
        }
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new IllegalStateException("auth.jwt.public-key-file: " + file
                    + " holds no -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE----- block");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        try {
            if (m.group(1).equals("CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                        .getPublicKey();
            }
            X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
            GeneralSecurityException first = null;
            for (String algorithm : new String[] {"RSA", "EC"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePublic(spec);
                } catch (GeneralSecurityException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("auth.jwt.public-key-file: " + file + " is not an RSA or EC public key: "
                    + e.getMessage(), e);
        }
    }
}
