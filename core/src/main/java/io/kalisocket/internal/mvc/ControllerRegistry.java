package io.kalisocket.internal.mvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.internal.auth.RouteGuard;
import io.kalisocket.mvc.Action;
import io.kalisocket.mvc.ActionInterceptor;
import io.kalisocket.mvc.Controller;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.Inline;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns controller classes into routes, once, at start-up: checks every name and signature, creates one
 * instance per controller and prepares one method handle per action. Anything wrong is a start-up error
 * with a message naming the class and method.
 */
public final class ControllerRegistry {

    private static final Logger log = LoggerFactory.getLogger(ControllerRegistry.class);

    private static final String SUFFIX = "Controller";
    private static final MethodType GENERIC = MethodType.methodType(Object.class, Object.class, Object[].class);

    private final ObjectMapper mapper;
    private final List<ActionInterceptor> interceptors;
    private final RouteTable.Builder table = RouteTable.builder();
    private final java.util.Set<Class<?>> givenInstances = new java.util.HashSet<>();

    /** @param mapper used to bind request types */
    public ControllerRegistry(ObjectMapper mapper) {
        this(mapper, List.of());
    }

    /**
     * @param mapper used to bind request types
     * @param interceptors run before every action, in order (each route's guard is prepared with them)
     */
    public ControllerRegistry(ObjectMapper mapper, List<ActionInterceptor> interceptors) {
        this.mapper = mapper;
        this.interceptors = List.copyOf(interceptors);
    }

    /**
     * Builds the routing table of a server's controllers and logs each route.
     *
     * @param mapper binds requests
     * @param instances controller instances the application made (they replace what a scan would make)
     * @param packages packages to scan
     * @param types controller classes to add
     * @param loader where the packages are scanned
     * @param ownOnMessage true when the application has its own {@code onMessage} (no controller is then fine)
     * @param interceptors run before every action, in order
     * @return the table
     * @throws IllegalStateException when a controller is invalid (the message names the method)
     */
    public static RouteTable routes(ObjectMapper mapper, List<Object> instances, List<String> packages,
            List<Class<?>> types, ClassLoader loader, boolean ownOnMessage, List<ActionInterceptor> interceptors) {
        ControllerRegistry registry = new ControllerRegistry(mapper, interceptors);
        instances.forEach(registry::addInstance); // first: they replace what a scan would make
        packages.forEach(p -> registry.scan(p, loader));
        types.forEach(registry::add);
        RouteTable routes = registry.build();
        if (routes.all().isEmpty() && !ownOnMessage) {
            log.warn("no controller registered: every call will be answered 404");
        }
        for (Route route : routes.all()) {
            log.info("route {}", route);
        }
        return routes;
    }

    /**
     * Adds every class of a package (not its sub-packages) that is annotated {@link Controller} or whose
     * name ends in {@code Controller}.
     *
     * @param packageName e.g. {@code app.controller}
     * @param loader where to look
     * @return this registry
     */
    public ControllerRegistry scan(String packageName, ClassLoader loader) {
        List<Class<?>> found = ClasspathScanner.topLevelClasses(packageName, loader).stream()
                .filter(c -> c.isAnnotationPresent(Controller.class)
                        || (c.getSimpleName().endsWith(SUFFIX) && c.getSimpleName().length() > SUFFIX.length()))
                .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .toList();
        found = found.stream().filter(c -> !givenInstances.contains(c)).toList();
        if (found.isEmpty() && givenInstances.isEmpty()) {
            throw new IllegalStateException("no controller found in package '" + packageName
                    + "' (a public class named *Controller or annotated @Controller)");
        }
        found.forEach(this::add);
        return this;
    }

    /**
     * Adds one controller class.
     *
     * @param type a public class with a public no-argument constructor
     * @return this registry
     */
    public ControllerRegistry add(Class<?> type) {
        return add(type, instantiate(type));
    }

    /**
     * Adds a controller the application made itself (to hand it a store, a pool, a client...). Added before
     * a {@link #scan}, it takes the place of the instance the scan would have made of its class.
     *
     * @param instance an instance of a public controller class
     * @return this registry
     */
    public ControllerRegistry addInstance(Object instance) {
        Class<?> type = instance.getClass();
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalStateException("controller " + type.getName() + " must be a public class");
        }
        givenInstances.add(type);
        return add(type, instance);
    }

    private ControllerRegistry add(Class<?> type, Object instance) {
        String name = controllerName(type);
        List<Route> routes = new ArrayList<>();
        for (Method method : actionMethods(type)) {
            routes.add(route(name, instance, method));
        }
        table.add(name, type.getName(), routes);
        return this;
    }

    /** @return the routing table of everything added */
    public RouteTable build() {
        return table.build();
    }

    static String controllerName(Class<?> type) {
        Controller annotation = type.getAnnotation(Controller.class);
        String name;
        if (annotation != null && !annotation.value().isEmpty()) {
            name = annotation.value();
        } else {
            String simple = type.getSimpleName();
            String base = simple.endsWith(SUFFIX) && simple.length() > SUFFIX.length()
                    ? simple.substring(0, simple.length() - SUFFIX.length()) : simple;
            name = base.substring(0, 1).toLowerCase(Locale.ROOT) + base.substring(1);
        }
        checkName(name, "controller name of " + type.getName());
        return name;
    }

    private static Object instantiate(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers()) || type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new IllegalStateException("controller " + type.getName() + " must be a public top-level or static nested class");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("controller " + type.getName() + " needs a public no-argument constructor");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create controller " + type.getName(), e);
        }
    }

    /** Public instance methods declared by the class itself or by superclasses of its own package. */
    private static List<Method> actionMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && c.getPackage() == type.getPackage(); c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                    .filter(m -> !m.isSynthetic() && !m.isBridge())
                    .filter(m -> methods.stream().noneMatch(seen -> overrides(seen, m)))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .forEach(methods::add);
        }
        return methods;
    }

    private static boolean overrides(Method sub, Method sup) {
        return sub.getName().equals(sup.getName()) && Arrays.equals(sub.getParameterTypes(), sup.getParameterTypes());
    }

    private Route route(String controller, Object instance, Method method) {
        Action renamed = method.getAnnotation(Action.class);
        String action = renamed != null ? renamed.value() : method.getName();
        String where = describe(method);
        checkName(action, "action name of " + where);
        ArgumentResolver[] resolvers = resolvers(method, where);
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().unreflect(method)
                    .asSpreader(Object[].class, method.getParameterCount())
                    .asType(GENERIC);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("action " + where + " is not accessible: the class must be public", e);
        }
        boolean returnsVoid = method.getReturnType() == void.class;
        return new Route(controller, action, where, method.isAnnotationPresent(Inline.class),
                new ActionInvoker(instance, handle, resolvers, returnsVoid),
                RouteGuard.of(controller, action, method, interceptors));
    }

    private ArgumentResolver[] resolvers(Method method, String where) {
        Parameter[] parameters = method.getParameters();
        ArgumentResolver[] resolvers = new ArgumentResolver[parameters.length];
        boolean requestSeen = false;
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            if (type == Ctx.class) {
                resolvers[i] = ArgumentResolver.context();
            } else if (type == JsonNode.class) {
                resolvers[i] = ArgumentResolver.tree();
            } else if (type == Map.class) {
                resolvers[i] = ArgumentResolver.map(mapper);
            } else if (type.isPrimitive() || type.isArray() || type.getName().startsWith("java.")) {
                throw new IllegalStateException("action " + where + ": parameter " + (i + 1) + " (" + type.getSimpleName()
                        + ") is not allowed; use Ctx, JsonNode, Map<String,Object> or one request record/POJO");
            } else if (requestSeen) {
                throw new IllegalStateException("action " + where + " declares two request types; bind one record or POJO");
            } else {
                requestSeen = true;
                resolvers[i] = ArgumentResolver.request(mapper, type);
            }
        }
        return resolvers;
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    private static void checkName(String name, String what) {
        if (!io.kalisocket.internal.protocol.EnvelopeParser.NAME.matcher(name).matches()) {
            throw new IllegalStateException(what + ": '" + name + "' must match [A-Za-z0-9_]{1,64}");
        }
    }
}
