package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kalisocket.StartupException;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** A failed bind in one line: the listener, its address, and the setting that moves it. */
class ListenerAddressTest {

    private static final ListenerAddress WEBSOCKET = new ListenerAddress("websocket listener", "127.0.0.1", 9527,
            "server.port or --port", "server.host or --host");
    private static final ListenerAddress ADMIN = new ListenerAddress("admin listener", "127.0.0.1", 9528,
            "admin.port or --admin-port", "admin.host");

    @Test
    void failure_portInUse_fromNio() {
        StartupException e = WEBSOCKET.failure(new BindException("Address already in use"));
        assertThat(e).hasMessage("websocket listener: 127.0.0.1:9527 is in use (set server.port or --port)");
        assertThat(e.getCause()).isInstanceOf(BindException.class);
        assertThat(ADMIN.failure(new BindException("Address already in use")))
                .hasMessage("admin listener: 127.0.0.1:9528 is in use (set admin.port or --admin-port)");
    }

    @Test
    void failure_portInUse_fromNativeEpoll() {
        assumeTrue(Epoll.isAvailable(), "the native transport is not available here");
        assertThat(WEBSOCKET.failure(new Errors.NativeIoException("bind", -98)))
                .hasMessage("websocket listener: 127.0.0.1:9527 is in use (set server.port or --port)");
    }

    @Test
    void failure_privilegedPort() {
        ListenerAddress low = new ListenerAddress("websocket listener", "0.0.0.0", 80, "server.port or --port",
                "server.host or --host");
        assertThat(low.failure(new BindException("Permission denied")))
                .hasMessage("websocket listener: 0.0.0.0:80: permission denied; ports below 1024 need privileges"
                        + " (set server.port or --port)");
    }

    @Test
    void failure_anAddressOfAnotherHost_namesTheHostSetting() {
        ListenerAddress elsewhere = new ListenerAddress("websocket listener", "192.0.2.7", 9527,
                "server.port or --port", "server.host or --host");
        assertThat(elsewhere.failure(new BindException("Cannot assign requested address")))
                .hasMessage("websocket listener: 192.0.2.7:9527: 192.0.2.7 is not an address of this host"
                        + " (set server.host or --host)");
        ListenerAddress unknown = new ListenerAddress("admin listener", "no-such-host.invalid", 9528,
                "admin.port or --admin-port", "admin.host");
        assertThat(unknown.failure(new UnresolvedAddressException()))
                .hasMessage("admin listener: no-such-host.invalid:9528: no-such-host.invalid is not a known host name"
                        + " (set admin.host)");
    }

    @Test
    void failure_ipv6_isBracketed() {
        ListenerAddress v6 = new ListenerAddress("websocket listener", "::1", 9527, "server.port or --port",
                "server.host or --host");
        assertThat(v6.failure(new BindException("Address already in use")))
                .hasMessage("websocket listener: [::1]:9527 is in use (set server.port or --port)");
    }
}
