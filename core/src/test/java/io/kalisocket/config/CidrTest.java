package io.kalisocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void contains_matchesThePrefixOnly() throws Exception {
        Cidr net = Cidr.parse("10.1.0.0/16");
        assertThat(net.contains(InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(net.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(Cidr.parse("192.168.1.0/25").contains(InetAddress.getByName("192.168.1.127"))).isTrue();
        assertThat(Cidr.parse("192.168.1.0/25").contains(InetAddress.getByName("192.168.1.128"))).isFalse();
    }

    @Test
    void contains_neverMixesIpv4AndIpv6() throws Exception {
        assertThat(Cidr.parse("::1/128").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(Cidr.parse("::1/128").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void parse_aBareAddressIsOneHost() throws Exception {
        Cidr host = Cidr.parse("127.0.0.1");
        assertThat(host.prefixLength()).isEqualTo(32);
        assertThat(host.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    }

    @Test
    void parse_refusesNamesAndBadPrefixes() {
        assertThatThrownBy(() -> Cidr.parse("localhost/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/40")).isInstanceOf(IllegalArgumentException.class);
    }
}
