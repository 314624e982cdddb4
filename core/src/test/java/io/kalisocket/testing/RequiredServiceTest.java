package io.kalisocket.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What a test that needs a service does without it: fails under CI, is skipped elsewhere, says how to enable it. */
class RequiredServiceTest {

    private static final RequiredService MISSING = RequiredService.of("the flux capacitor", () -> false,
            "apt-get install -y flux-capacitor");
    private static final RequiredService PRESENT = RequiredService.of("gravity", () -> true, "none");

    @Test
    void require_underCi_failsTheTest_sayingWhatCiMustProvide() {
        assertThatThrownBy(() -> MISSING.require(true)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true").hasMessageContaining("the flux capacitor is missing")
                .hasMessageContaining("apt-get install -y flux-capacitor");
    }

    @Test
    void require_elsewhere_skipsTheTest_sayingHowToRunIt() {
        assertThatThrownBy(() -> MISSING.require(false)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("the flux capacitor is missing: test skipped")
                .hasMessageContaining("To run it: apt-get install -y flux-capacitor");
    }

    @Test
    void require_whenPresent_returns_underCiOrNot() {
        assertThatCode(() -> PRESENT.require(true)).doesNotThrowAnyException();
        assertThatCode(() -> PRESENT.require(false)).doesNotThrowAnyException();
    }

    @Test
    void listening_isPresent_whileSomethingAcceptsOnTheLoopbackPort() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = server.getLocalPort();
            assertThat(RequiredService.listening("a test socket", port, "none").isPresent()).isTrue();
        }
        assertThat(RequiredService.listening("a test socket", port, "none").isPresent()).isFalse();
    }

    @Test
    void command_findsExecutablesOnThePath() {
        assertThat(RequiredService.command("sh", "none").isPresent()).isTrue();
        assertThat(RequiredService.findCommand("sh")).hasValueSatisfying(path -> assertThat(path).isExecutable());
        assertThat(RequiredService.command("no-such-command-kalisocket", "none").isPresent()).isFalse();
    }
}
