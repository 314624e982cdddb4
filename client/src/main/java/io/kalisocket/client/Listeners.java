package io.kalisocket.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The push handlers by type and the lifecycle listeners of one {@link KaliClient}. Thread-safe. */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(KaliClient.class.getName());

    private final Map<String, List<Consumer<JsonNode>>> byType = new ConcurrentHashMap<>();
    private final List<ClientListener> lifecycle = new CopyOnWriteArrayList<>();

    Subscription on(String type, Consumer<JsonNode> handler) {
        List<Consumer<JsonNode>> list = byType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>());
        list.add(handler);
        return () -> list.remove(handler);
    }

    Subscription listen(ClientListener listener) {
        lifecycle.add(listener);
        return () -> lifecycle.remove(listener);
    }

    void push(String type, JsonNode msg) {
        for (Consumer<JsonNode> h : byType.getOrDefault(type, List.of())) {
            guarded(() -> h.accept(msg));
        }
    }

    /** @param outcome after a reconnect, the recovered or reset event; null on the first open */
    void opened(Consumer<ClientListener> outcome) {
        lifecycle.forEach(l -> guarded(l::onOpen));
        if (outcome != null) {
            lifecycle.forEach(l -> guarded(() -> outcome.accept(l)));
            lifecycle.forEach(l -> guarded(l::onReconnected));
        }
    }

    void reset(String reason, Optional<String> clientId) {
        lifecycle.forEach(l -> guarded(() -> l.onReset(reason, clientId)));
    }

    void closed(int code, String reason, boolean isFinal) {
        lifecycle.forEach(l -> guarded(() -> l.onClose(code, reason, isFinal)));
    }

    void refused(int status, boolean isFinal) {
        lifecycle.forEach(l -> guarded(() -> l.onRefused(status, isFinal)));
    }

    void reconnecting(int attempt, Duration delay) {
        lifecycle.forEach(l -> guarded(() -> l.onReconnecting(attempt, delay)));
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a KaliClient listener failed", e);
        }
    }
}
