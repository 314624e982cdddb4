package io.kalisocket.config;

/**
 * The configuration's secrets ({@code admin.token}, {@code tls.key-password}, {@code recovery.secret},
 * {@code auth.jwt.secret}) and how they are shown:
 * never in clear text, only whether one is set.
 */
public final class Secrets {

    /** What a set secret is shown as. */
    public static final String MASK = "*****";

    private Secrets() {
    }

    /**
     * @param config a configuration
     * @return a copy whose secrets are {@link #MASK} when set, empty when not
     */
    public static KaliConfig masked(KaliConfig config) {
        AdminConfig a = config.admin();
        TlsConfig t = config.tls();
        RecoveryConfig r = config.recovery();
        AuthConfig.Jwt j = config.auth().jwt();
        return config.toBuilder()
                .admin(new AdminConfig(a.enabled(), a.host(), a.port(), mask(a.token()), a.tls()))
                .tls(new TlsConfig(t.enabled(), t.certFile(), t.keyFile(), mask(t.keyPassword()), t.provider()))
                .recovery(new RecoveryConfig(r.enabled(), r.window(), r.maxMessages(), r.maxBytes(), mask(r.secret())))
                .auth(new AuthConfig(new AuthConfig.Jwt(mask(j.secret()), j.publicKeyFile(), j.audience(), j.issuer(),
                        j.clockSkew()), config.auth().expiry()))
                .build();
    }

    /**
     * Renders the effective configuration for {@code --print-config}: YAML with kebab-case keys, secrets masked.
     *
     * @param config a configuration
     * @return YAML text
     */
    public static String printable(KaliConfig config) {
        return ConfigLoader.toYaml(masked(config));
    }

    /** @param secret a secret, possibly empty @return {@link #MASK} when set, empty when not */
    public static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : MASK;
    }
}
