package io.kalisocket.internal.mvc;

import static io.kalisocket.testing.KaliAssertions.assertThatReply;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.testing.ServerLogs;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import io.kalisocket.testing.TestServerExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Binding a message to an action's request type: a value that does not fit is a 400 in the framework's own words,
 * naming the field and what it must be; Jackson's detail goes to the server log at DEBUG only.
 */
class RequestBinderTest {

    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension(
            () -> TestServer.start(config -> KaliServer.create(config).controllers(FormController.class)));

    /** A client per test; the test server closes it when the class is done. */
    final TestClient client = server.connect();

    @Test
    void anObjectForAString_isA400SayingTheFieldMustBeAString() {
        client.send("{\"ct\":\"form\",\"ac\":\"say\",\"text\":{}}");
        assertRefused(TestClient.parse(client.awaitMessages(1).get(0)), 400, "field 'text' must be a string");
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("text", Map.of(), "field 'text' must be a string"),
                Arguments.of("text", List.of(1), "field 'text' must be a string"),
                Arguments.of("count", "many", "field 'count' must be a whole number"),
                Arguments.of("count", 1.5, "field 'count' must be a whole number"),
                Arguments.of("count", Map.of(), "field 'count' must be a whole number"),
                Arguments.of("count", 99_999_999_999L, "field 'count' is out of range"),
                Arguments.of("ratio", "half", "field 'ratio' must be a number"),
                Arguments.of("flag", "maybe", "field 'flag' must be true or false"),
                Arguments.of("tags", Map.of(), "field 'tags' must be a list"),
                Arguments.of("tags", "red", "field 'tags' must be a list"),
                Arguments.of("attrs", List.of(1), "field 'attrs' must be an object"),
                Arguments.of("attrs", "x", "field 'attrs' must be an object"),
                Arguments.of("address", "Main St", "field 'address' must be an object"),
                Arguments.of("address", Map.of("city", Map.of()), "field 'address.city' must be a string"),
                Arguments.of("stops", List.of(Map.of("city", List.of())), "field 'stops[0].city' must be a string"),
                Arguments.of("color", "BLUE", "field 'color' must be one of RED, GREEN"),
                Arguments.of("id", "nope", "field 'id' must be a UUID"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongValues")
    void aWrongValue_isA400InPlainWords(String field, Object value, String message) {
        JsonNode reply = client.call("form", "fill", "room", "r1", field, value);
        assertRefused(reply, 400, message);
        assertThat(reply.get("msg").asText())
                .doesNotContain("Jackson", "JsonToken", "java.", "Cannot deserialize", "FormController");
    }

    @Test
    void aMissingRequiredField_isA400NamingIt() {
        assertRefused(client.call("form", "fill", "text", "hi"), 400, "missing field 'room'");
    }

    @Test
    void rightValues_bind() {
        assertThatReply(client.call("form", "fill", "room", "r1", "text", "hi", "count", 3, "ratio", 0.5,
                "flag", true, "tags", List.of("a"), "attrs", Map.of("k", 1), "address", Map.of("city", "Oslo"),
                "stops", List.of(Map.of("city", "Bergen")), "color", "RED",
                "id", "00000000-0000-0000-0000-000000000001"))
                .isOk();
    }

    @Test
    void aRequestTypesOwnIllegalArgument_isA400WithItsMessage() {
        assertRefused(client.call("form", "order", "quantity", 0), 400, "quantity must be at least 1");
    }

    @Test
    void aRequestTypesOwnKaliException_keepsItsCodeAndMessage() {
        assertRefused(client.call("form", "order", "quantity", 2, "coupon", "expired"), 410, "coupon expired");
    }

    @Test
    void jacksonsDetail_isLoggedAtDebugOnly_withTheRouteAndClient() {
        Logger binderLog = (Logger) LoggerFactory.getLogger(RequestBinder.class);
        Level before = binderLog.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        binderLog.addAppender(events);
        binderLog.setLevel(Level.DEBUG);
        try (ServerLogs logs = ServerLogs.capture()) {
            assertRefused(client.call("form", "say", "text", Map.of()), 400, "field 'text' must be a string");
            assertThat(events.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
                assertThat(e.getFormattedMessage()).contains("form/say",
                        "client " + server.server().running().nodeId() + "-",
                        "Cannot deserialize value of type `java.lang.String`");
            });
            assertThat(logs.errors()).isEmpty();
            assertThat(logs.stackTraces()).isEmpty();
        } finally {
            binderLog.detachAppender(events);
            binderLog.setLevel(before);
        }
    }

    private static void assertRefused(JsonNode reply, int code, String message) {
        assertThatReply(reply).hasCode(code);
        assertThat(reply.path("msg").asText()).isEqualTo(message);
    }
}
