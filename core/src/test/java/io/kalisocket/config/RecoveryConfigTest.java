package io.kalisocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code recovery} section: documented defaults, loading, range checks, the secret masked. */
class RecoveryConfigTest {

    @Test
    void defaults_matchTheDocumentedValues() {
        assertThat(KaliConfig.defaults().recovery())
                .isEqualTo(new RecoveryConfig(false, Duration.ofMinutes(2), 500, 512 * 1024, ""));
    }

    @Test
    void keys_load() {
        RecoveryConfig r = ConfigLoader.of(Map.of("recovery.enabled", "true", "recovery.window", "30s",
                "recovery.max-messages", "10", "recovery.max-bytes", "4096", "recovery.secret", "k")).recovery();
        assertThat(r).isEqualTo(new RecoveryConfig(true, Duration.ofSeconds(30), 10, 4096, "k"));
    }

    @Test
    void badValues_nameTheirKey() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("recovery.window", "0s")))
                .hasMessageStartingWith("recovery.window:");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("recovery.max-messages", "0")))
                .hasMessageStartingWith("recovery.max-messages:");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("recovery.max-bytes", "-1")))
                .hasMessageStartingWith("recovery.max-bytes:");
    }

    @Test
    void theSecret_isMasked() {
        KaliConfig c = ConfigLoader.of(Map.of("recovery.secret", "hush"));
        assertThat(Secrets.masked(c).recovery().secret()).isEqualTo(Secrets.MASK);
        assertThat(Secrets.printable(c)).doesNotContain("hush");
    }
}
