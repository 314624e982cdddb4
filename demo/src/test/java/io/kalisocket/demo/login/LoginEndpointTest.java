package io.kalisocket.demo.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.kalisocket.demo.DemoServers;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import io.kalisocket.testing.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The demo's {@code POST /login} (issue 18 item 4): a token for a chosen name, only when auth is on. */
class LoginEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> post(TestServer server, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login"))
                .header("Content-Type", contentType).POST(BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
    }

    @Test
    void login_issuesAShortLivedHs256Token_forTheName_thatTheServerAccepts() throws Exception {
        try (TestServer server = DemoServers.start("auth.jwt.secret", TestTokens.SECRET)) {
            HttpResponse<String> response = post(server, "application/json", "{\"name\":\"ann\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("cache-control")).contains("no-store");
            JsonNode body = JSON.readTree(response.body());
            SignedJWT token = SignedJWT.parse(body.get("token").asText());
            assertThat(token.verify(new MACVerifier(TestTokens.SECRET))).as("signed with auth.jwt.secret").isTrue();
            assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
            assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("ann");
            Instant exp = token.getJWTClaimsSet().getExpirationTime().toInstant();
            assertThat(Duration.between(Instant.now(), exp)).isBetween(Duration.ofMinutes(9), LoginEndpoint.LIFETIME);
            assertThat(body.get("uid").asText()).isEqualTo("ann");
            assertThat(body.get("exp").asLong()).isEqualTo(exp.getEpochSecond());

            TestClient ann = TestClient.connect(server.port(), "token=" + body.get("token").asText());
            JsonNode welcome = ann.awaitJson(Json.type("welcome"));
            assertThat(welcome.get("uid").asText()).as("the uid is the token's sub").isEqualTo("ann");
            ann.close();
        }
    }

    @Test
    void login_takesAFormToo_andTheTokensAudienceAndIssuerAreTheServers() throws Exception {
        try (TestServer server = DemoServers.start("auth.jwt.secret", TestTokens.SECRET,
                "auth.jwt.audience", "chat", "auth.jwt.issuer", "demo")) {
            HttpResponse<String> response = post(server, "application/x-www-form-urlencoded",
                    "name=" + URLEncoder.encode("bé b", StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            String token = JSON.readTree(response.body()).get("token").asText();
            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getSubject()).isEqualTo("bé b");
            TestClient client = TestClient.connect(server.port(), "token=" + token);
            assertThat(client.awaitJson(Json.type("welcome")).get("uid").asText()).isEqualTo("bé b");
            client.close();
        }
    }

    @Test
    void login_withABadName_is400_andAnotherMethodThanPost_is405() throws Exception {
        try (TestServer server = DemoServers.start("auth.jwt.secret", TestTokens.SECRET)) {
            for (String body : new String[] {"{\"name\":\"\"}", "{}", "{\"name\":7}", "not json",
                    "{\"name\":\"" + "u".repeat(65) + "\"}"}) {
                HttpResponse<String> response = post(server, "application/json", body);
                assertThat(response.statusCode()).as(body).isEqualTo(400);
                assertThat(JSON.readTree(response.body()).has("error")).as(body).isTrue();
            }
            HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/login")).build(), BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(get.headers().firstValue("allow")).contains("POST");
        }
    }

    @Test
    void login_withAuthOff_is404() throws Exception {
        try (TestServer server = DemoServers.start()) {
            assertThat(post(server, "application/json", "{\"name\":\"ann\"}").statusCode()).isEqualTo(404);
        }
    }
}
