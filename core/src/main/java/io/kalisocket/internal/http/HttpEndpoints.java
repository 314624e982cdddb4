package io.kalisocket.internal.http;

import io.kalisocket.http.HttpEndpoint;
import io.kalisocket.http.HttpRequest;
import io.kalisocket.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's HTTP endpoints by exact path, and the action threads they run on. Built once at start-up;
 * immutable after.
 */
public final class HttpEndpoints {

    private static final Logger log = LoggerFactory.getLogger(HttpEndpoints.class);
    /** A path: a slash, then segments of unreserved characters; no query, no dot segments, no trailing slash. */
    private static final Pattern PATH = Pattern.compile("/|(/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)+");

    private final Map<String, HttpEndpoint> byPath;
    private final Executor actions;

    /**
     * @param byPath the endpoints, each path checked with {@link #checkPath}
     * @param actions where they run: the action threads, never an event loop
     */
    public HttpEndpoints(Map<String, HttpEndpoint> byPath, Executor actions) {
        this.byPath = Map.copyOf(byPath);
        this.actions = Objects.requireNonNull(actions);
    }

    /**
     * Adds an endpoint to a registration map, checked.
     *
     * @param into the map being built
     * @param path e.g. {@code /login}
     * @param endpoint its endpoint
     * @throws IllegalArgumentException for a path that is not plain ({@code /a/b}) or taken already
     */
    public static void register(LinkedHashMap<String, HttpEndpoint> into, String path, HttpEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("an HTTP endpoint's path is /name or /name/name...: " + path);
        }
        if (into.putIfAbsent(path, endpoint) != null) {
            throw new IllegalArgumentException("HTTP endpoint " + path + " is already registered");
        }
    }

    /** @param path a request's decoded path @return the endpoint registered there */
    public Optional<HttpEndpoint> find(String path) {
        return byPath.isEmpty() ? Optional.empty() : Optional.ofNullable(byPath.get(path));
    }

    /**
     * Runs an endpoint on an action thread.
     *
     * @param endpoint what to run
     * @param request its request
     * @param answer gets the response (a 500 when the endpoint failed), on the action thread
     * @throws java.util.concurrent.RejectedExecutionException when the action threads take no more work
     */
    public void serve(HttpEndpoint endpoint, HttpRequest request, Consumer<HttpResponse> answer) {
        actions.execute(() -> answer.accept(run(endpoint, request)));
    }

    private static HttpResponse run(HttpEndpoint endpoint, HttpRequest request) {
        try {
            return Objects.requireNonNull(endpoint.handle(request), "the endpoint answered null");
        } catch (Exception e) {
            log.error("HTTP endpoint {} {} failed", request.method(), request.path(), e);
            return HttpResponse.text(500, "internal error\n");
        }
    }
}
