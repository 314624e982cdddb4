package io.kalisocket.internal.mvc;

import io.kalisocket.internal.auth.RouteGuard;

/** One entry of the routing table: a controller's action and its prepared invoker. */
public final class Route {

    private final String controller;
    private final String action;
    private final String method;
    private final boolean inline;
    private final ActionInvoker invoker;
    private final RouteGuard guard;

    Route(String controller, String action, String method, boolean inline, ActionInvoker invoker,
            RouteGuard guard) {
        this.controller = controller;
        this.action = action;
        this.method = method;
        this.inline = inline;
        this.invoker = invoker;
        this.guard = guard;
    }

    /** @return the {@code ct} */
    public String controller() {
        return controller;
    }

    /** @return the {@code ac} */
    public String action() {
        return action;
    }

    /** @return where it points, e.g. {@code app.ChatController#say(Ctx, SayRequest)} */
    public String method() {
        return method;
    }

    /** @return true when the action is declared non-blocking ({@link Inline}) */
    public boolean inline() {
        return inline;
    }

    ActionInvoker invoker() {
        return invoker;
    }

    /** @return what a call must pass before the action runs (interceptors, auth annotations), prepared once */
    RouteGuard guard() {
        return guard;
    }

    @Override
    public String toString() {
        return controller + "/" + action + " -> " + method + (inline ? " [inline]" : "");
    }
}
