package io.kalisocket.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateDriverTest {

    @Test
    void countsTheSlicesOfTheWindowThatHeldALateReply() {
        RateDriver driver = new RateDriver("say", 1000);
        driver.measure(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        long start = System.nanoTime(); // not before the window's start
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(50));

        driver.onText(null, reply(start));                                          // slice 0, 50+ ms late
        driver.onText(null, reply(start + TimeUnit.MILLISECONDS.toNanos(550)));      // slice 5, not yet due: 0 ms

        assertThat(driver.windows()).isEqualTo(10);
        assertThat(driver.windowsOver(TimeUnit.MILLISECONDS.toNanos(10))).isEqualTo(1);
        assertThat(driver.windowsOver(TimeUnit.SECONDS.toNanos(10))).isZero();
        assertThat(driver.received()).isEqualTo(2);
    }

    @Test
    void answered_countsEveryCodeZeroReply_inTheWindowOrNot_andNoErrorReply() {
        RateDriver driver = new RateDriver("say", 1000);
        driver.onText(null, reply(System.nanoTime())); // before any window
        driver.onText(null, Unpooled.copiedBuffer("{\"ct\":\"echo\",\"ac\":\"say\",\"code\":503,\"msg\":\"busy\"}",
                StandardCharsets.UTF_8));

        assertThat(driver.answered()).isEqualTo(1);
        assertThat(driver.received()).as("only replies to messages intended in the window").isZero();
        assertThat(driver.errors()).isEqualTo(1);
    }

    private static ByteBuf reply(long intended) {
        return Unpooled.copiedBuffer("{\"ct\":\"echo\",\"ac\":\"say\",\"code\":0,\"data\":" + intended + "}",
                StandardCharsets.UTF_8);
    }
}
