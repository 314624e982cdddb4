package io.kalisocket.internal.mvc;

import io.kalisocket.mvc.Ctx;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.invoke.MethodHandle;

/**
 * Calls one action through a method handle prepared at start-up: no reflection, no lookup per message.
 */
final class ActionInvoker {

    private final Object controller;
    private final MethodHandle handle;
    private final ArgumentResolver[] resolvers;
    private final boolean returnsVoid;

    /**
     * @param controller the controller instance
     * @param handle typed {@code (Object, Object[])Object}, spreading the array into the action's parameters
     * @param resolvers one per parameter, in order
     * @param returnsVoid true when the action sends no reply of its own
     */
    ActionInvoker(Object controller, MethodHandle handle, ArgumentResolver[] resolvers, boolean returnsVoid) {
        this.controller = controller;
        this.handle = handle;
        this.resolvers = resolvers.clone();
        this.returnsVoid = returnsVoid;
    }

    boolean returnsVoid() {
        return returnsVoid;
    }

    Object invoke(Ctx ctx, ObjectNode params) throws Throwable {
        Object[] args = new Object[resolvers.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = resolvers[i].resolve(ctx, params);
        }
        return (Object) handle.invokeExact(controller, args);
    }
}
