package io.kalisocket.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeParserTest {

    private final EnvelopeParser parser = new EnvelopeParser(new ObjectMapper().reader());

    @Test
    void parse_readsControllerActionMsgidAndParams() throws Exception {
        Envelope e = parse("{\"ct\":\"chat\",\"ac\":\"say\",\"room\":\"r1\",\"msgid\":7}");
        assertThat(e.controller()).isEqualTo("chat");
        assertThat(e.action()).isEqualTo("say");
        assertThat(e.msgid().asInt()).isEqualTo(7);
        assertThat(e.params().get("room").asText()).isEqualTo("r1");
    }

    @Test
    void parse_anEmptyMsgidMeansNoReceipt() throws Exception {
        assertThat(parse("{\"ct\":\"a\",\"ac\":\"b\",\"msgid\":\"\"}").wantsReceipt()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{\"ac\":\"b\"}", "{\"ct\":\"\",\"ac\":\"b\"}",
            "{\"ct\":\"a\"}", "{\"ct\":1,\"ac\":\"b\"}", "{\"ct\":\"../x\",\"ac\":\"b\"}",
            "{\"ct\":\"java.lang.Runtime\",\"ac\":\"exec\"}", "{\"ct\":\"Echo$1\",\"ac\":\"say\"}",
            "{\"ct\":\"a\",\"ac\":\"b\",\"msgid\":{}}"})
    void parse_refusesWhatIsNotAValidCall(String message) {
        assertThatThrownBy(() -> parse(message)).isInstanceOf(EnvelopeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"ct\":\"a\"", "{\"ct\":\"a\nb\"}", "{\"ct\" \"a\"}", "{\"ct\":tru}"})
    void parse_saysWhereTheJsonBreaks_notJacksonsWords(String message) {
        assertThatThrownBy(() -> parse(message)).isInstanceOf(EnvelopeException.class)
                .hasMessageMatching("invalid JSON at line \\d+, column \\d+");
    }

    @Test
    void parse_refusesNamesLongerThan64AndMsgidsLongerThan64() {
        String longName = "a".repeat(65);
        assertThatThrownBy(() -> parse("{\"ct\":\"" + longName + "\",\"ac\":\"b\"}"))
                .isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> parse("{\"ct\":\"a\",\"ac\":\"b\",\"msgid\":\"" + longName + "\"}"))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("msgid");
    }

    @Test
    void parse_keepsWhatItCouldReadForTheErrorReply() {
        assertThatThrownBy(() -> parse("{\"ct\":\"chat\",\"ac\":\"\",\"msgid\":\"m1\"}"))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> {
                    assertThat(e.controller()).isEqualTo("chat");
                    assertThat(e.msgid().asText()).isEqualTo("m1");
                });
    }

    private Envelope parse(String text) throws EnvelopeException {
        return parser.parse(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "say_2", "A", "_", "Zz09", "", "a-b", "a b", "é", "chat.say", "a$", "x\n",
            "0123456789012345678901234567890123456789012345678901234567890123",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void isName_agreesWithTheNamePattern(String name) {
        assertThat(EnvelopeParser.isName(name)).isEqualTo(EnvelopeParser.NAME.matcher(name).matches());
    }

    @Test
    void parse_readsADirectBufferAsWellAsAHeapOne() throws Exception {
        byte[] bytes = "{\"ct\":\"chat\",\"ac\":\"say\",\"text\":\"hé\"}".getBytes(StandardCharsets.UTF_8);
        var direct = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        try {
            Envelope envelope = parser.parse(direct);
            assertThat(envelope.params().path("text").asText()).isEqualTo("hé");
            assertThat(direct.readableBytes()).isEqualTo(bytes.length);
        } finally {
            direct.release();
        }
    }
}
