package io.kalisocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code auth} section: {@code auth.jwt.*} and {@code auth.expiry}, from every source, checked all at once. */
class AuthConfigTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void defaults_areOff_withA30sClockSkew_andCloseOnExpiry() {
        AuthConfig auth = KaliConfig.defaults().auth();
        assertThat(auth.enabled()).isFalse();
        assertThat(auth.jwt().clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(auth.expiry()).isEqualTo(AuthConfig.Expiry.CLOSE);
    }

    @Test
    void everyKey_isReadFromFlags() {
        AuthConfig auth = ConfigLoader.of(Map.of("auth.jwt.secret", SECRET, "auth.jwt.audience", "chat",
                "auth.jwt.issuer", "https://login.example", "auth.jwt.clock-skew", "5s", "auth.expiry", "ignore")).auth();
        assertThat(auth.enabled()).isTrue();
        assertThat(auth.jwt()).isEqualTo(new AuthConfig.Jwt(SECRET, "", "chat", "https://login.example",
                Duration.ofSeconds(5)));
        assertThat(auth.expiry()).isEqualTo(AuthConfig.Expiry.IGNORE);
    }

    @Test
    void environment_spellsTheSubSectionWithAnUnderscore() {
        AuthConfig auth = ConfigLoader.load(Optional.empty(), Map.of("KALISOCKET_AUTH_JWT_SECRET", SECRET,
                "KALISOCKET_AUTH_JWT_CLOCK_SKEW", "1m", "KALISOCKET_AUTH_EXPIRY", "ignore"), Map.of()).auth();
        assertThat(auth.jwt().secret()).isEqualTo(SECRET);
        assertThat(auth.jwt().clockSkew()).isEqualTo(Duration.ofMinutes(1));
        assertThat(auth.expiry()).isEqualTo(AuthConfig.Expiry.IGNORE);
    }

    @Test
    void file_nestsJwtUnderAuth() throws Exception {
        Path file = Files.writeString(dir.resolve("kalisocket.yml"), "auth:\n  jwt:\n    secret: " + SECRET
                + "\n    audience: chat\n");
        AuthConfig auth = ConfigLoader.load(Optional.of(file), Map.of(), Map.of()).auth();
        assertThat(auth.jwt().secret()).isEqualTo(SECRET);
        assertThat(auth.jwt().audience()).isEqualTo("chat");
    }

    @Test
    void shortSecret_bothKeys_missingKeyFile_andBadValues_areReportedTogether() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("auth.jwt.secret", "short",
                "auth.jwt.public-key-file", dir.resolve("none.pem").toString(), "auth.jwt.clock-skew", "30",
                "auth.expiry", "later", "auth.jwt.secrt", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.jwt.secrt: unknown key (did you mean auth.jwt.secret?)")
                .hasMessageContaining("auth.jwt.clock-skew: 30 has no unit")
                .hasMessageContaining("auth.expiry: 'later' must be close or ignore")
                .hasMessageContaining("auth.jwt.secret: set auth.jwt.secret (HS256) or auth.jwt.public-key-file")
                .hasMessageContaining("auth.jwt.secret: is 5 bytes; HS256 needs at least 32")
                .hasMessageContaining("auth.jwt.public-key-file: " + dir.resolve("none.pem").toAbsolutePath()
                        + " does not exist");
    }

    @Test
    void secret_isMaskedByPrintConfig() {
        String yaml = Secrets.printable(ConfigLoader.of(Map.of("auth.jwt.secret", SECRET)));
        assertThat(yaml).doesNotContain(SECRET).contains("secret: \"" + Secrets.MASK + "\"");
    }
}
