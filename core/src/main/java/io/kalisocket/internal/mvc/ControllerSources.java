package io.kalisocket.internal.mvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.mvc.ActionInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a server's actions come from, as the application names them before the start: packages to scan,
 * classes, instances it made itself, and the interceptors around every action. Turned into routes once, at start.
 */
public final class ControllerSources {

    private final List<String> packages = new ArrayList<>();
    private final List<Class<?>> types = new ArrayList<>();
    private final List<Object> instances = new ArrayList<>();
    private final List<ActionInterceptor> interceptors = new ArrayList<>();

    /** @param packageNames packages whose controllers are scanned at start */
    public void addPackages(String... packageNames) {
        packages.addAll(List.of(packageNames));
    }

    /** @param controllerTypes controller classes, made by the server */
    public void addTypes(Class<?>... controllerTypes) {
        types.addAll(List.of(controllerTypes));
    }

    /** @param instance a controller the application made; a scanned package holding its class uses it */
    public void addInstance(Object instance) {
        instances.add(Objects.requireNonNull(instance));
    }

    /** @param interceptor runs before every action, after those added before it */
    public void addInterceptor(ActionInterceptor interceptor) {
        interceptors.add(Objects.requireNonNull(interceptor));
    }

    /**
     * @param mapper binds requests and writes replies
     * @param ownInstances controllers the server itself brings (e.g. {@code auth/refresh}), added last
     * @param loader where packages are scanned
     * @param ownOnMessage true when the application handles text frames itself (no warning for zero routes)
     * @return the checked routes
     * @throws IllegalStateException when a controller is invalid
     */
    public RouteTable routes(ObjectMapper mapper, List<Object> ownInstances, ClassLoader loader,
            boolean ownOnMessage) {
        List<Object> all = new ArrayList<>(instances);
        all.addAll(ownInstances);
        return ControllerRegistry.routes(mapper, all, packages, types, loader, ownOnMessage, interceptors);
    }
}
