package io.kalisocket.testing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Entry point of the domain assertions: {@code assertThat(client).receivedOnce(Json.type("say"))},
 * {@code assertThatReply(reply).isOk()}. Import statically next to AssertJ's {@code Assertions}.
 */
public final class KaliAssertions {

    private KaliAssertions() {
    }

    /** @param client a test client @return assertions on what it received */
    public static ClientAssert assertThat(TestClient client) {
        return new ClientAssert(client);
    }

    /** @param reply a reply as {@link TestClient#call} returns it @return assertions on its code and data */
    public static ReplyAssert assertThatReply(JsonNode reply) {
        return new ReplyAssert(reply);
    }
}
