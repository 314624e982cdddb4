package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A handshake's headers as the application reads them, made from Netty's when first read. */
class RequestHeadersTest {

    private static HttpHeaders netty() {
        return new DefaultHttpHeaders().add("Host", "127.0.0.1").add("X-Tag", "a").add("x-tag", "b");
    }

    @Test
    void namesAreLowerCase_andARepeatedHeadersValuesAreJoined() {
        Map<String, String> headers = new RequestHeaders(netty());
        assertThat(headers).containsOnly(Map.entry("host", "127.0.0.1"), Map.entry("x-tag", "a, b"));
        assertThat(headers.get("x-tag")).isEqualTo("a, b");
        assertThat(headers.containsKey("host")).isTrue();
        assertThat(headers.get("Host")).as("names are looked up as given: lower case").isNull();
    }

    @Test
    void theyAreReadOnly() {
        Map<String, String> headers = new RequestHeaders(netty());
        assertThatThrownBy(() -> headers.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCopyForAnHttpEndpoint_isItsOwn() {
        Map<String, String> copy = RequestHeaders.copyOf(netty());
        copy.put("extra", "1");
        assertThat(copy).containsEntry("x-tag", "a, b").containsEntry("extra", "1");
    }
}
