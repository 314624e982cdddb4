package io.kalisocket.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kalisocket.KaliServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzz target: whatever bytes a client sends as a text frame, the parser answers with a valid envelope or an
 * {@link EnvelopeException} (a 400), never another exception, and never lets a name that is not
 * {@code [A-Za-z0-9_]{1,64}} or a msgid longer than 64 characters through. The reader is the server's default one.
 *
 * <p>Jazzer mutates the seeds in {@code EnvelopeParserFuzzTestInputs/anyTextFrame_isAnEnvelopeOrA400/} (valid calls,
 * deep nesting, huge numbers, duplicate keys, invalid UTF-8, over-long names and msgids), steered by coverage of the
 * parser and Jackson and by the JSON tokens below. Every build runs the seeds as regression inputs and then fuzzes
 * the target for a bounded time (core's {@code fuzz} profile); the cases too big for a seed file are tests below.
 */
class EnvelopeParserFuzzTest {

    private final EnvelopeParser parser = new EnvelopeParser(KaliServer.defaultMapper().reader());

    @DictionaryEntries({"{", "}", "[", "]", ":", ",", "\"ct\"", "\"ac\"", "\"msgid\"", "\"chat\"", "\"say\"",
            "null", "true", "false", "-0", "1e400", "-1.5e-400", "123456789012345678901234567890", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\uZZZZ\"", "\"\\", "'ct'", "NaN", "Infinity", "/* c */", "//", "\u00e9", "\ufeff"})
    @FuzzTest(maxDuration = "15s")
    void anyTextFrame_isAnEnvelopeOrA400(byte[] frame) {
        assertParsesOrRefuses(frame);
    }

    /** Nesting far past Jackson's limit of 1,000, in objects and in arrays: a 400, not a stack overflow. */
    @ParameterizedTest
    @ValueSource(ints = {999, 1_000, 1_001, 20_000})
    void deepNesting_isAnEnvelopeOrA400(int depth) {
        for (String[] brackets : new String[][] {{"{\"a\":", "}"}, {"[", "]"}}) {
            String text = "{\"ct\":\"a\",\"ac\":\"b\",\"x\":" + brackets[0].repeat(depth) + "1"
                    + brackets[1].repeat(depth) + "}";
            assertParsesOrRefuses(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Numbers of thousands of digits or with exponents past any range, as a param and as the msgid. */
    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e-999999999", "1E+2147483648", "0e0", "1.7976931348623157e309",
            "0.%s", "-%s", "%s"})
    void hugeNumbers_areAnEnvelopeOrA400(String shape) {
        String number = shape.formatted("9".repeat(5_000));
        for (String field : new String[] {"n", "msgid"}) {
            String text = "{\"ct\":\"a\",\"ac\":\"b\",\"" + field + "\":" + number + "}";
            assertParsesOrRefuses(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void assertParsesOrRefuses(byte[] bytes) {
        ByteBuf content = Unpooled.wrappedBuffer(bytes);
        try {
            Envelope envelope = parser.parse(content);
            assertThat(EnvelopeParser.isName(envelope.controller())).as("ct of %s", envelope).isTrue();
            assertThat(EnvelopeParser.isName(envelope.action())).as("ac of %s", envelope).isTrue();
            if (envelope.msgid() != null) {
                assertThat(envelope.msgid().asText()).hasSizeLessThanOrEqualTo(EnvelopeParser.MAX_MSGID_LENGTH);
            }
        } catch (EnvelopeException refused) {
            assertThat(refused.getMessage()).isNotBlank(); // the 400's reason
        } finally {
            content.release();
        }
    }
}
