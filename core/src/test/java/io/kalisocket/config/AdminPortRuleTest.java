package io.kalisocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When {@code admin.port} is not set, it is {@code server.port + 1}. */
class AdminPortRuleTest {

    @Test
    void unset_followsTheServerPort() {
        assertThat(KaliConfig.defaults().admin().port()).isEqualTo(9528);
        assertThat(ConfigLoader.of(Map.of("server.port", "9600")).admin().port()).isEqualTo(9601);
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("KALISOCKET_SERVER_PORT", "9700"), Map.of())
                .admin().port()).isEqualTo(9701);
        assertThat(KaliConfig.builder().server(ServerConfig.defaults().withPort(9800)).build().admin().port())
                .isEqualTo(9801);
    }

    @Test
    void unset_withAnyFreeServerPort_isAnyFreePortToo() {
        assertThat(ConfigLoader.of(Map.of("server.port", "0")).admin().port()).isZero();
    }

    @Test
    void set_winsFromEverySource_theApplicationsDefaultsIncluded() {
        assertThat(ConfigLoader.of(Map.of("server.port", "9600", "admin.port", "9700")).admin().port())
                .isEqualTo(9700);
        assertThat(ConfigLoader.load(Map.of("admin.port", "9900"), Optional.empty(), Map.of(),
                Map.of("server.port", "9600")).admin().port()).isEqualTo(9900);
    }

    @Test
    void printConfig_showsThePortTheRuleGave() {
        assertThat(Secrets.printable(ConfigLoader.of(Map.of("server.port", "9600")))).contains("port: 9601");
    }

    @Test
    void theLastServerPort_leavesNoAdminPort_whichMattersOnlyWhenTheEndpointIsOn() {
        assertThat(ConfigLoader.of(Map.of("server.port", "65535")).admin().enabled()).isFalse();
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.port", "65535", "admin.enabled", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("admin.port: server.port is 65535, so server.port + 1 is not a port: set admin.port");
    }
}
