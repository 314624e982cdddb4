package io.kalisocket.demo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.OpenSsl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo ships BoringSSL for Linux only (x86_64 and aarch64): what its runtime class path holds is what the shaded
 * jar holds. Elsewhere the JDK's TLS serves {@code wss://} ({@code tls.provider: auto}).
 */
class NativeTlsPackagingTest {

    private static final String NATIVE = "META-INF/native/";

    @Test
    void linuxNatives_arePackaged() {
        assertThat(List.of("libnetty_tcnative_linux_x86_64.so", "libnetty_tcnative_linux_aarch_64.so"))
                .allSatisfy(lib -> assertThat(getClass().getClassLoader().getResource(NATIVE + lib)).isNotNull());
    }

    @Test
    void otherOperatingSystemsNatives_areNot() {
        assertThat(List.of("libnetty_tcnative_osx_x86_64.jnilib", "libnetty_tcnative_osx_aarch_64.jnilib",
                "netty_tcnative_windows_x86_64.dll"))
                .allSatisfy(lib -> assertThat(getClass().getClassLoader().getResource(NATIVE + lib)).isNull());
    }

    @Test
    void openSsl_loadsOnThisLinuxMachine() {
        assertThat(OpenSsl.isAvailable()).as("%s", OpenSsl.unavailabilityCause()).isTrue();
    }
}
