package io.kalisocket.internal.mvc;

import io.kalisocket.mvc.Action;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable routing table, built once at start-up: {@code ct} and {@code ac} from the wire are only
 * ever looked up here.
 */
public final class RouteTable {

    private final Map<String, Map<String, Route>> routes;

    private RouteTable(Map<String, Map<String, Route>> routes) {
        Map<String, Map<String, Route>> copy = new HashMap<>();
        routes.forEach((ct, actions) -> copy.put(ct, Map.copyOf(actions)));
        this.routes = Map.copyOf(copy);
    }

    /**
     * @param controller a {@code ct}
     * @param action an {@code ac}
     * @return the route, if both exist
     */
    public Optional<Route> find(String controller, String action) {
        Map<String, Route> actions = routes.get(controller);
        return actions == null ? Optional.empty() : Optional.ofNullable(actions.get(action));
    }

    /** @param controller a {@code ct} @return true when the controller exists */
    public boolean hasController(String controller) {
        return routes.containsKey(controller);
    }

    /** @return every route, sorted by controller then action */
    public List<Route> all() {
        List<Route> all = new ArrayList<>();
        routes.values().forEach(actions -> all.addAll(actions.values()));
        all.sort(Comparator.comparing(Route::controller).thenComparing(Route::action));
        return all;
    }

    /** @return a builder that collects controllers and checks them */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects routes; a duplicate controller or action is a start-up error, never a silent replacement. */
    public static final class Builder {

        private final Map<String, Map<String, Route>> routes = new HashMap<>();
        private final Map<String, String> controllerClasses = new HashMap<>();

        private Builder() {
        }

        Builder add(String controller, String className, List<Route> actions) {
            String previous = controllerClasses.putIfAbsent(controller, className);
            if (previous != null) {
                throw new IllegalStateException("controller '" + controller + "' is declared twice: by "
                        + previous + " and by " + className);
            }
            Map<String, Route> byName = new HashMap<>();
            for (Route route : actions) {
                Route clash = byName.putIfAbsent(route.action(), route);
                if (clash != null) {
                    throw new IllegalStateException("action '" + controller + "/" + route.action()
                            + "' is declared twice: " + clash.method() + " and " + route.method()
                            + " (rename one with @Action)");
                }
            }
            routes.put(controller, byName);
            return this;
        }

        /** @return the table */
        public RouteTable build() {
            return new RouteTable(routes);
        }
    }
}
