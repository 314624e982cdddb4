package io.kalisocket.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ArrivalProbeTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aTimedRequest_isRecordedFromItsIntendedAndFromItsActualSendTime() {
        ArrivalProbe probe = new ArrivalProbe();
        long intended = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(50);
        long sent = intended + TimeUnit.MILLISECONDS.toNanos(40); // the generator was 40 ms late

        probe.arrived(JSON.numberNode(intended), JSON.numberNode(sent));

        Histogram[] interval = decode(probe.takeInterval());
        assertThat(interval[0].getTotalCount()).isOne();
        assertThat(interval[1].getTotalCount()).isOne();
        assertThat(interval[0].getMaxValue()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(49));
        assertThat(interval[0].getMaxValue() - interval[1].getMaxValue())
                .isBetween(TimeUnit.MILLISECONDS.toNanos(39), TimeUnit.MILLISECONDS.toNanos(41));
    }

    @Test
    void requestsWithoutBothTimes_areNotRecorded() {
        ArrivalProbe probe = new ArrivalProbe();

        probe.arrived(JSON.textNode("hello"), null);                      // the echo scenario's data
        probe.arrived(JSON.numberNode(System.nanoTime()), null);          // a number, but no send time
        probe.arrived(JSON.numberNode(System.nanoTime()), JSON.textNode("x"));

        Histogram[] interval = decode(probe.takeInterval());
        assertThat(interval[0].getTotalCount()).isZero();
        assertThat(interval[1].getTotalCount()).isZero();
    }

    @Test
    void eachInterval_holdsOnlyTheArrivalsSinceThePreviousOne() {
        ArrivalProbe probe = new ArrivalProbe();
        long now = System.nanoTime();
        probe.arrived(JSON.numberNode(now), JSON.numberNode(now));
        probe.takeInterval();

        probe.arrived(JSON.numberNode(now), JSON.numberNode(now));
        probe.arrived(JSON.numberNode(now), JSON.numberNode(now));

        assertThat(decode(probe.takeInterval())[0].getTotalCount()).isEqualTo(2);
    }

    @Test
    void decode_refusesWhatIsNotAnEncodedHistogram() {
        assertThatThrownBy(() -> ArrivalProbe.decode("bm90IGEgaGlzdG9ncmFt"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Histogram[] decode(String interval) {
        String[] words = interval.split(" ");
        assertThat(words).hasSize(2);
        return new Histogram[] {ArrivalProbe.decode(words[0]), ArrivalProbe.decode(words[1])};
    }
}
