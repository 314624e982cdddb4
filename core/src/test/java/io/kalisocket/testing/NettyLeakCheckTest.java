package io.kalisocket.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.Test;

/**
 * The build's leak check: every test JVM tracks every Netty buffer, and a buffer nobody released fails the test
 * class after which it was found. These tests leak on purpose and catch the failure themselves, so the check that
 * runs after this class finds nothing left.
 */
class NettyLeakCheckTest {

    private final NettyLeakCheck check = new NettyLeakCheck();

    @Test
    void testsRunAtParanoidLevel_everyBufferIsTracked() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
        assertThat(ResourceLeakDetectorFactory.instance().newResourceLeakDetector(Object.class))
                .isInstanceOf(RecordingLeakDetector.class);
    }

    @Test
    void aLeakedPooledBuffer_failsTheCheck() {
        leak(ByteBufAllocator.DEFAULT.buffer(64).writeInt(42));

        assertThatThrownBy(() -> check.check("a deliberate leak"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Netty leak report(s) after a deliberate leak")
                .hasMessageContaining("LEAK: ByteBuf.release() was not called")
                .hasMessageContaining(NettyLeakCheckTest.class.getSimpleName()); // the records name the code
    }

    @Test
    void aLeakedUnpooledDirectBuffer_failsTheCheck() {
        leak(UnpooledByteBufAllocator.DEFAULT.directBuffer(16).writeInt(42)); // Unpooled heap buffers are not tracked

        assertThatThrownBy(() -> check.check("another deliberate leak"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LEAK: ByteBuf");
    }

    @Test
    void aLeakOfAnyResourceNettyTracks_failsTheCheck() {
        ResourceLeakDetector<Object> detector = ResourceLeakDetectorFactory.instance()
                .newResourceLeakDetector(Object.class);
        detector.trackForcibly(new Object()); // tracked, never closed, and unreachable at once

        assertThatThrownBy(() -> check.check("a tracked object"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LEAK: Object");
    }

    @Test
    void releasedBuffers_passTheCheck() {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(64).writeInt(42);
        buffer.release();

        check.check("released buffers"); // does not throw
    }

    /** Drops the last reference to a buffer without releasing it, after using it (a record of the access). */
    private static void leak(ByteBuf buffer) {
        assertThat(buffer.readableBytes()).isPositive();
    }
}
