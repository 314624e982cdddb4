package io.kalisocket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a {@link TestClient} received. The {@code received...} checks look at what has
 * arrived so far (no waiting): wait first (e.g. for the reply of a later call, which the server writes
 * after anything the earlier calls pushed) when absence is what you check.
 */
public final class ClientAssert extends AbstractAssert<ClientAssert, TestClient> {

    ClientAssert(TestClient actual) {
        super(actual, ClientAssert.class);
    }

    /** @param condition what the message satisfies @return this, when exactly one received message does */
    public ClientAssert receivedOnce(Predicate<JsonNode> condition) {
        return receivedTimes(1, condition);
    }

    /**
     * @param times how many received messages must satisfy the condition
     * @param condition what they satisfy
     * @return this
     */
    public ClientAssert receivedTimes(int times, Predicate<JsonNode> condition) {
        isNotNull();
        List<JsonNode> matching = actual.receivedJson(condition);
        if (matching.size() != times) {
            failWithMessage("expected %d matching messages but got %d: %s%nall received: %s", times,
                    matching.size(), matching, actual.received());
        }
        return this;
    }

    /** @param condition what no message may satisfy @return this, when none received does */
    public ClientAssert receivedNone(Predicate<JsonNode> condition) {
        return receivedTimes(0, condition);
    }

    /**
     * @param condition what the messages satisfy
     * @param field a top-level field of theirs
     * @param values the field's expected values, as text, in order of arrival
     * @return this, when the matching messages carry exactly these values in this order
     */
    public ClientAssert receivedInOrder(Predicate<JsonNode> condition, String field, Object... values) {
        isNotNull();
        List<String> got = actual.receivedJson(condition).stream().map(n -> n.path(field).asText()).toList();
        List<String> want = java.util.Arrays.stream(values).map(String::valueOf).toList();
        if (!got.equals(want)) {
            failWithMessage("expected %s values %s in this order but got %s", field, want, got);
        }
        return this;
    }

    /** @param condition what a message will satisfy @return this, once one arrived (waits) */
    public ClientAssert eventuallyReceives(Predicate<JsonNode> condition) {
        isNotNull();
        actual.awaitJson(condition);
        return this;
    }
}
