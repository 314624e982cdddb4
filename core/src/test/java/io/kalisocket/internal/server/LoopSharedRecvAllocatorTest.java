package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The receive buffers' sizing handle is one per event loop, not one per socket (112 bytes of every idle connection).
 * That sockets of one loop can share it is held by the whole suite, which reads every frame through it; this holds
 * what is shared and what is not.
 */
class LoopSharedRecvAllocatorTest {

    private final LoopSharedRecvAllocator allocator = new LoopSharedRecvAllocator();

    @Test
    void theSocketsOfOneLoop_getOneHandle_andEachLoopItsOwn() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            RecvByteBufAllocator.Handle first = loops.next().submit(allocator::newHandle).get(20, TimeUnit.SECONDS);
            RecvByteBufAllocator.Handle again = loops.next().submit(allocator::newHandle).get(20, TimeUnit.SECONDS);
            RecvByteBufAllocator.Handle third = loops.next().submit(allocator::newHandle).get(20, TimeUnit.SECONDS);

            assertThat(again).as("the other loop's").isNotSameAs(first);
            assertThat(third).as("the first loop's again (round robin)").isSameAs(first);
            assertThat(first).isInstanceOf(RecvByteBufAllocator.ExtendedHandle.class); // what epoll requires
        } finally {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aRunOfTinyReads_neverShrinksTheGuessBelowAnUpgradeRequest() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            int guess = loops.next().submit(() -> {
                RecvByteBufAllocator.Handle handle = allocator.newHandle();
                EmbeddedChannel socket = new EmbeddedChannel();
                for (int read = 0; read < 100; read++) { // heartbeats and close frames: 6 bytes each
                    handle.reset(socket.config());
                    handle.lastBytesRead(6);
                    handle.readComplete();
                }
                socket.finishAndReleaseAll();
                return handle.guess();
            }).get(20, TimeUnit.SECONDS);

            assertThat(guess).isEqualTo(LoopSharedRecvAllocator.MINIMUM_BYTES);
        } finally {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
