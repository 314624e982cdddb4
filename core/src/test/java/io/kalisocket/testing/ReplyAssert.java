package io.kalisocket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a reply {@code {"ct","ac","code","msg","data","msgid"}} (DESIGN.md section 2). */
public final class ReplyAssert extends AbstractAssert<ReplyAssert, JsonNode> {

    ReplyAssert(JsonNode actual) {
        super(actual, ReplyAssert.class);
    }

    /** @return this, when the code is 0 and the msg {@code ok} */
    public ReplyAssert isOk() {
        hasCode(0);
        if (!"ok".equals(actual.path("msg").asText())) {
            failWithMessage("expected msg \"ok\" but got %s", actual);
        }
        return this;
    }

    /** @param code the expected code (400, 401, 403...) @return this */
    public ReplyAssert hasCode(int code) {
        isNotNull();
        if (!actual.has("code") || actual.get("code").asInt() != code) {
            failWithMessage("expected a reply with code %d but got %s", code, actual);
        }
        return this;
    }

    /** @param ct the controller @param ac the action @return this, when the reply names them */
    public ReplyAssert isFor(String ct, String ac) {
        isNotNull();
        if (!ct.equals(actual.path("ct").asText()) || !ac.equals(actual.path("ac").asText())) {
            failWithMessage("expected a reply to %s/%s but got %s", ct, ac, actual);
        }
        return this;
    }

    /** @param json the expected {@code data}, as JSON text (compared as trees) @return this */
    public ReplyAssert hasData(String json) {
        isNotNull();
        JsonNode expected = TestClient.parse(json);
        if (!expected.equals(actual.get("data"))) {
            failWithMessage("expected data %s but got %s", expected, actual.get("data"));
        }
        return this;
    }

    /** @param fragment text the {@code msg} must contain @return this */
    public ReplyAssert hasMessageContaining(String fragment) {
        isNotNull();
        if (!actual.path("msg").asText().contains(fragment)) {
            failWithMessage("expected msg containing \"%s\" but got %s", fragment, actual);
        }
        return this;
    }
}
