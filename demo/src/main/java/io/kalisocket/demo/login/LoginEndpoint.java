package io.kalisocket.demo.login;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.kalisocket.config.AuthConfig;
import io.kalisocket.demo.chat.Checks;
import io.kalisocket.http.HttpEndpoint;
import io.kalisocket.http.HttpRequest;
import io.kalisocket.http.HttpResponse;
import io.kalisocket.mvc.KaliException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's {@code POST /login}: a chosen name in, a short-lived HS256 token for it out, signed with
 * {@code auth.jwt.secret} so the server's own check accepts it. A demo's convenience, <b>not an identity
 * provider</b>: anyone may pick any name; a real application gets its tokens from its identity provider.
 *
 * <p>Request: {@code {"name":"ann"}} ({@code application/json}) or {@code name=ann} (a form). Answer 200
 * {@code {"token":JWT,"uid":"ann","exp":SECONDS}}; 400 {@code {"error":...}} for a missing or bad name (1-64
 * characters, as the demo's uids); 405 for another method than POST.
 */
public final class LoginEndpoint implements HttpEndpoint {

    /** How long an issued token is valid: short, the page refreshes it through {@code auth/refresh}. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MACSigner signer;
    private final AuthConfig.Jwt jwt;
    private final InstantSource clock;
    private final Duration lifetime;

    /**
     * @param jwt the server's {@code auth.jwt.*}: its secret signs, its audience and issuer go into the tokens
     * @param clock the server's clock, for {@code iat} and {@code exp}
     * @param lifetime how long a token is valid
     */
    public LoginEndpoint(AuthConfig.Jwt jwt, InstantSource clock, Duration lifetime) {
        this.jwt = Objects.requireNonNull(jwt);
        this.clock = Objects.requireNonNull(clock);
        this.lifetime = Objects.requireNonNull(lifetime);
        try {
            this.signer = new MACSigner(jwt.secret());
        } catch (JOSEException tooShort) {
            throw new IllegalArgumentException("auth.jwt.secret cannot sign HS256 tokens", tooShort);
        }
    }

    /**
     * @param jwt the server's {@code auth.jwt.*}
     * @param clock the server's clock
     * @return the endpoint when the server checks HS256 tokens (a secret is set), else empty: no login then
     */
    public static Optional<HttpEndpoint> forServer(AuthConfig.Jwt jwt, InstantSource clock) {
        return jwt.secret().isEmpty() ? Optional.empty() : Optional.of(new LoginEndpoint(jwt, clock, LIFETIME));
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws JOSEException, JsonProcessingException {
        if (!request.method().equals("POST")) {
            return HttpResponse.methodNotAllowed("POST");
        }
        String name;
        try {
            name = Checks.uid("name", nameOf(request));
        } catch (KaliException | IllegalArgumentException bad) {
            return error(bad.getMessage());
        }
        Instant now = clock.instant();
        Instant exp = now.plus(lifetime);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(name)
                .issueTime(Date.from(now)).expirationTime(Date.from(exp));
        if (!jwt.audience().isEmpty()) {
            claims.audience(jwt.audience());
        }
        if (!jwt.issuer().isEmpty()) {
            claims.issuer(jwt.issuer());
        }
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        token.sign(signer);
        String body = JSON.writeValueAsString(Map.of("token", token.serialize(), "uid", name,
                "exp", exp.getEpochSecond()));
        return HttpResponse.json(200, body).withHeader("Cache-Control", "no-store");
    }

    /** @return the name field of a JSON or form body, or null when there is none */
    private static String nameOf(HttpRequest request) {
        if (request.contentType().equals("application/json")) {
            JsonNode body;
            try {
                body = JSON.readTree(request.body());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the body is not JSON");
            }
            JsonNode name = body == null ? null : body.get("name");
            return name != null && name.isTextual() ? name.asText() : null;
        }
        return request.form().get("name");
    }

    private static HttpResponse error(String message) throws JsonProcessingException {
        return HttpResponse.json(400, JSON.writeValueAsString(Map.of("error", message)));
    }
}
