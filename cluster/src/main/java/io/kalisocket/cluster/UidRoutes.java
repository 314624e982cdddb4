package io.kalisocket.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The near cache of private-message routes: for each user this node sent to lately, the other nodes holding its
 * connections, so a steady conversation needs no Redis lookup per message (only the publish to those nodes).
 * Kept fresh by the scripts: every change of where a user's connections are (bind, unbind, close, a node's purge,
 * a connection claimed by another node) publishes {@code ~u\n<uid>} on the shared channel and every node forgets
 * the user. An entry also expires {@code ttl} after it was looked up: the bound when such a notice is lost (pub/sub
 * is at most once, e.g. while a subscriber reconnects). A lookup that raced with a change is not kept.
 */
final class UidRoutes {

    /** The message every node's cache gets when a user's connections changed place. */
    static final String CHANGED = "~u\n";

    /**
     * Where a user's connections on other nodes are, with the {@link RouteStamp} of the lookup that found them (a
     * notice sent along a kept route is routed as of its lookup); the identity of a route not yet looked up marks
     * its lookup.
     */
    static final class Route {
        private final int remote;
        private final List<String> nodes;
        private final RouteStamp stamp;

        private Route(int remote, List<String> nodes, RouteStamp stamp) {
            this.remote = remote;
            this.nodes = nodes;
            this.stamp = stamp;
        }

        /** @param answer what {@code route_uid} answered @return the route */
        static Route of(List<Object> answer) {
            int count = Math.toIntExact((Long) answer.get(1));
            List<String> nodes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                nodes.add(String.valueOf(answer.get(2 + i)));
            }
            return new Route(Math.toIntExact((Long) answer.get(0)), List.copyOf(nodes),
                    RouteStamp.read(answer, 2 + count));
        }

        /** @return how many of the user's connections are on other nodes */
        int remote() {
            return remote;
        }

        /** @return the other nodes holding them */
        List<String> nodes() {
            return nodes;
        }

        /** @return the claims as the lookup saw them */
        RouteStamp stamp() {
            return stamp;
        }
    }

    private final Cache<String, Route> routes;
    private final boolean enabled;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param ttl how long a route is kept at most; zero turns the cache off
     * @param maxEntries how many users it keeps at most (the least recently used go first)
     */
    UidRoutes(Duration ttl, long maxEntries) {
        this.enabled = !ttl.isZero();
        this.routes = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumSize(maxEntries).build();
    }

    /** @return false when configured off: every private message is looked up */
    boolean enabled() {
        return enabled;
    }

    /** @param uid a user @return its route, when known and fresh */
    Route known(String uid) {
        Route route = routes.getIfPresent(uid);
        if (route == null || route.stamp == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        return route;
    }

    /** @param uid a user about to be looked up @return the mark of this lookup, to give {@link #keep} */
    Route lookingUp(String uid) {
        Route mark = new Route(0, List.of(), null);
        routes.put(uid, mark);
        return mark;
    }

    /**
     * Keeps a route unless the user's connections changed place since its lookup started.
     *
     * @param uid the user
     * @param mark what {@link #lookingUp} returned
     * @param route what the lookup found
     */
    void keep(String uid, Route mark, Route route) {
        routes.asMap().replace(uid, mark, route);
    }

    /** @param text a message of the shared channel @return true when it was a route change (and is applied) */
    boolean accept(String text) {
        if (!text.startsWith(CHANGED)) {
            return false;
        }
        routes.invalidate(text.substring(CHANGED.length()));
        return true;
    }

    /** Forgets every route: after a reconnection, changes may have been missed. */
    void clear() {
        routes.invalidateAll();
    }

    /** @return hits, misses and entries, for {@code /status} */
    Map<String, Object> status() {
        return Map.of("enabled", enabled, "hits", hits.sum(), "misses", misses.sum(),
                "entries", routes.estimatedSize());
    }
}
