package io.kalisocket.internal.mvc;

import io.kalisocket.mvc.Action;
import io.kalisocket.mvc.Controller;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.Inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerRegistryTest {

    private final ControllerRegistry registry = new ControllerRegistry(new ObjectMapper());

    public static final class ChatController {
        public Object say(Ctx ctx, SayRequest request) {
            return request.text();
        }

        @Action("history")
        public Object recent(Map<String, Object> params) {
            return params;
        }

        @Inline
        public void ping(Ctx ctx) {
        }

        public static Object helper() {
            return null;
        }

        Object packagePrivate() {
            return null;
        }
    }

    public record SayRequest(String room, String text) {
    }

    @Controller("lobby")
    public static final class Renamed {
        public Object enter(JsonNode params) {
            return params;
        }
    }

    public static final class TwinsController {
        public Object go(Ctx ctx) {
            return 1;
        }

        @Action("go")
        public Object alsoGo(Ctx ctx) {
            return 2;
        }
    }

    public static final class BadParamController {
        public Object go(String text) {
            return text;
        }
    }

    public static final class TwoRequestsController {
        public Object go(SayRequest a, SayRequest b) {
            return a;
        }
    }

    public static final class NoDefaultConstructorController {
        public NoDefaultConstructorController(int x) {
        }
    }

    @Test
    void add_routesPublicInstanceMethodsDeclaredByTheController() {
        RouteTable table = registry.add(ChatController.class).build();
        assertThat(table.all()).extracting(r -> r.controller() + "/" + r.action())
                .containsExactly("chat/history", "chat/ping", "chat/say");
        assertThat(table.find("chat", "ping")).get().extracting(Route::inline).isEqualTo(true);
    }

    @Test
    void add_neverRoutesObjectMethodsStaticOrNonPublicOnes() {
        RouteTable table = registry.add(ChatController.class).build();
        for (String name : new String[] {"getClass", "hashCode", "wait", "toString", "notify", "equals", "helper",
                "packagePrivate", "recent"}) {
            assertThat(table.find("chat", name)).as(name).isEmpty();
        }
    }

    @Test
    void addInstance_routesToTheGivenInstance() throws Throwable {
        ChatController mine = new ChatController();
        RouteTable table = registry.addInstance(mine).build();
        assertThat(table.find("chat", "say")).isPresent();
        assertThatThrownBy(() -> new ControllerRegistry(new ObjectMapper()).addInstance(new Object() { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be a public class");
    }

    @Test
    void controllerName_isTheClassNameWithoutSuffixOrTheAnnotation() {
        assertThat(ControllerRegistry.controllerName(ChatController.class)).isEqualTo("chat");
        assertThat(ControllerRegistry.controllerName(Renamed.class)).isEqualTo("lobby");
    }

    @Test
    void add_twoActionsWithOneNameIsAStartupError() {
        assertThatThrownBy(() -> registry.add(TwinsController.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'twins/go' is declared twice");
    }

    @Test
    void add_theSameControllerTwiceIsAStartupError() {
        registry.add(ChatController.class);
        assertThatThrownBy(() -> registry.add(ChatController.class).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("controller 'chat' is declared twice");
    }

    @Test
    void add_unsupportedParametersAreStartupErrors() {
        assertThatThrownBy(() -> registry.add(BadParamController.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("parameter 1 (String) is not allowed");
        assertThatThrownBy(() -> registry.add(TwoRequestsController.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two request types");
        assertThatThrownBy(() -> registry.add(NoDefaultConstructorController.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public no-argument constructor");
    }

    @Test
    void scan_aPackageWithoutControllersIsAStartupError() {
        assertThatThrownBy(() -> registry.scan("io.kalisocket.nothing.here", getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no controller found");
    }
}
