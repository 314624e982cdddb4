package io.kalisocket.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void median_ofOddAndEvenRuns() {
        ResultTable t = new ResultTable();
        t.add("baseline", Map.of("replies/s", 10.0));
        t.add("baseline", Map.of("replies/s", 30.0));
        t.add("baseline", Map.of("replies/s", 20.0));
        t.add("kali", Map.of("replies/s", 40.0));
        t.add("kali", Map.of("replies/s", 60.0));
        assertThat(t.median("baseline", "replies/s")).isEqualTo(20.0);
        assertThat(t.median("kali", "replies/s")).isEqualTo(50.0);
        assertThat(t.median("kali", "missing")).isNaN();
    }

    @Test
    void render_showsRatiosToTheBaselineAndYesNo() {
        ResultTable t = new ResultTable();
        t.add("baseline", Map.of("replies/s", 100.0, "recovered?", 1.0));
        t.add("kali", Map.of("replies/s", 250.0, "recovered?", 0.0));
        t.fail("target", "refused");
        String table = t.render();
        assertThat(table).contains("| figure | baseline | kali | ratio | target | ratio |");
        assertThat(table).contains("2.50x").contains("| recovered? | yes | no |").contains("target failed: refused");
    }
}
