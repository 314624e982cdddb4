package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import io.kalisocket.config.ConfigLoader;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The socket options every accepted connection gets, on each transport. */
class WebSocketListenerTest {

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "nio"})
    void anAcceptedSocket_sendsWithoutNagle_hasTheConfiguredOutboundWaterMarks_andTheServersOneAllocator(String transport) throws Exception {
        assumeTrue(transport.equals("nio") || Epoll.isAvailable(), "epoll is not available here");
        try (WebSocketListener listener = WebSocketListener.bind(ConfigLoader.of(Map.of("server.port", "0",
                "server.host", "127.0.0.1", "server.transport", transport,
                "limits.outbound-low-water-mark", "1000", "limits.outbound-high-water-mark", "3000")))) {
            AtomicReference<Channel> accepted = new AtomicReference<>();
            listener.listener.open(accepted::set);

            try (Socket client = new Socket("127.0.0.1", listener.listener.port())) {
                await().until(() -> accepted.get() != null);
                Channel channel = accepted.get();
                assertThat(channel.config().getOption(ChannelOption.TCP_NODELAY)).isTrue();
                WriteBufferWaterMark marks = channel.config().getWriteBufferWaterMark();
                assertThat(marks.low()).isEqualTo(1000);
                assertThat(marks.high()).isEqualTo(3000);
                assertThat(channel.alloc()).isSameAs(WebSocketListener.ALLOCATOR);
            }
        }
    }
}
