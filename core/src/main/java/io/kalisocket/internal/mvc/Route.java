package io.kalisocket.internal.mvc;

/** One entry of the routing table: a controller's action and its prepared invoker. */
public final class Route {

    private final String controller;
    private final String action;
    private final String method;
    private final boolean inline;
    private final ActionInvoker invoker;

    Route(String controller, String action, String method, boolean inline, ActionInvoker invoker) {
        this.controller = controller;
        this.action = action;
        this.method = method;
        this.inline = inline;
        this.invoker = invoker;
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

    @Override
    public String toString() {
        return controller + "/" + action + " -> " + method + (inline ? " [inline]" : "");
    }
}
