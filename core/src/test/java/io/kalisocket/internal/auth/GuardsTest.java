package io.kalisocket.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.auth.AuthResult;
import io.kalisocket.auth.Authenticated;
import io.kalisocket.auth.Principal;
import io.kalisocket.auth.RequiresClaim;
import io.kalisocket.connection.Handshake;
import io.kalisocket.mvc.ActionInterceptor;
import io.kalisocket.mvc.ActionRoute;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Guards run before an action and answer without running it: {@code @Authenticated} 401 without a principal,
 * {@code @RequiresClaim} 403 without the claim, an {@link ActionInterceptor}'s denial with its code and message
 * (docs/AUTH.md).
 */
class GuardsTest {

    private final AuthApp.MeController me = new AuthApp.MeController();

    /** Authenticates {@code ?user=U&role=R} as U with that role: an application's own authenticator. */
    private static AuthResult byQuery(Handshake handshake) {
        Optional<String> user = handshake.queryParam("user");
        return user.map(u -> AuthResult.authenticated(new Principal(u,
                        Map.of("role", handshake.queryParam("role").orElse("member")), Optional.empty())))
                .orElseGet(() -> AuthResult.refused(401, "who are you?"));
    }

    @Test
    void authenticated_is401WithoutAPrincipal_withoutRunningTheAction() {
        try (TestServer server = TestServer.start(c -> KaliServer.create(c).controller(me));
                TestClient anonymous = server.connect()) {
            assertThat(anonymous.call("me", "secret").path("code").asInt()).isEqualTo(401);
            assertThat(anonymous.call("me", "admin").path("code").asInt()).isEqualTo(401);
            assertThat(anonymous.call("me", "whoami").path("code").asInt()).isZero();
            assertThat(me.guardedRuns).hasValue(0);
        }
    }

    @Test
    void requiresClaim_is403WithoutTheClaim_andRunsWithIt() {
        try (TestServer server = TestServer.start(c -> KaliServer.create(c).controller(me)
                .authenticator(GuardsTest::byQuery));
                TestClient member = server.connect("user=ann");
                TestClient admin = server.connect("user=root&role=admin")) {
            JsonNode refused = member.call("me", "admin");
            assertThat(refused.path("code").asInt()).isEqualTo(403);
            assertThat(refused.path("msg").asText()).isEqualTo("requires role=admin");
            assertThat(me.guardedRuns).hasValue(0);
            assertThat(member.call("me", "secret").path("data").asText()).isEqualTo("secret");
            assertThat(admin.call("me", "admin").path("data").asText()).isEqualTo("admin");
            assertThat(admin.call("me", "whoami").path("data").path("uid").asText()).isEqualTo("root");
            assertThat(me.guardedRuns).hasValue(2);
        }
    }

    @Test
    void interceptors_runInOrderBeforeTheGuards_withTheRoute_andTheirDenialIsTheReply() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ActionInterceptor log = (ctx, route) -> {
            seen.add(route.controller() + "/" + route.action() + " " + route.method().getName());
            return ActionInterceptor.Verdict.proceed();
        };
        ActionInterceptor readOnly = (ctx, route) -> route.action().equals("whoami")
                ? ActionInterceptor.Verdict.proceed() : ActionInterceptor.Verdict.deny(423, "read-only today");
        try (TestServer server = TestServer.start(c -> KaliServer.create(c).controller(me)
                .interceptor(log).interceptor(readOnly));
                TestClient anonymous = server.connect()) {
            JsonNode denied = anonymous.call("me", "secret");
            assertThat(denied.path("code").asInt()).isEqualTo(423);
            assertThat(denied.path("msg").asText()).isEqualTo("read-only today");
            assertThat(anonymous.call("me", "whoami").path("code").asInt()).isZero();
            assertThat(seen).containsExactly("me/secret secret", "me/whoami whoami");
            assertThat(me.guardedRuns).hasValue(0);
        }
    }

    @Test
    void actionRoute_findsAnAnnotationOnTheMethodOrItsClass() throws Exception {
        ActionRoute route = new ActionRoute("me", "admin", AuthApp.MeController.class.getMethod("admin", Ctx.class));
        assertThat(route.annotation(RequiresClaim.class)).map(RequiresClaim::value).hasValue("admin");
        assertThat(route.annotation(Authenticated.class)).isEmpty();
    }

    @Test
    void ownAuthenticatorsRefusal_isTheHandshakesAnswer() {
        try (TestServer server = TestServer.start(c -> KaliServer.create(c).controller(me)
                .authenticator(GuardsTest::byQuery))) {
            Throwable failure = TestClient.attempt(URI.create("ws://127.0.0.1:" + server.port() + "/"), Map.of())
                    .handle((ws, e) -> e).join();
            while (!(failure instanceof WebSocketHandshakeException) && failure.getCause() != null) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(401);
        }
    }
}
