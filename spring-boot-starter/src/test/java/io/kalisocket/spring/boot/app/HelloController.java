package io.kalisocket.spring.boot.app;

import io.kalisocket.mvc.Controller;
import io.kalisocket.mvc.Ctx;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** ct=hello: a KaliSocket controller made by Spring, with its service injected. */
@Controller("hello")
public class HelloController {

    private final GreetingService greetings;
    /** Released by the test: holds {@code ac=slow} in flight while the context closes. */
    public static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** @param greetings injected by Spring */
    public HelloController(GreetingService greetings) {
        this.greetings = greetings;
    }

    /** ac=say @param ctx the call @param req {@code name} @return the greeting */
    public Map<String, Object> say(Ctx ctx, SayRequest req) {
        return Map.of("text", greetings.greet(req.name()));
    }

    /** ac=join: joins group {@code room} @param ctx the call @param req {@code room} @return done */
    public Map<String, Object> join(Ctx ctx, JoinRequest req) {
        ctx.gateway().joinGroup(ctx.clientId(), req.room());
        return Map.of("joined", req.room());
    }

    /** ac=slow: waits to be released, then answers @param ctx the call @return done */
    public Map<String, Object> slow(Ctx ctx) throws InterruptedException {
        boolean released = RELEASE.await(10, TimeUnit.SECONDS);
        return Map.of("finished", released);
    }

    /** @param name who */
    public record SayRequest(String name) {
    }

    /** @param room the group */
    public record JoinRequest(String room) {
    }
}
