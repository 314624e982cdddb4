package io.kalisocket.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Keeps what arrives (JSON objects parsed once, on arrival) and wakes whoever waits for it. */
final class RecordingListener implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<JsonNode> objects = new CopyOnWriteArrayList<>();
    /** When each of {@link #texts} arrived ({@link System#nanoTime()}), at the same index. */
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final StringBuilder partial = new StringBuilder();
    volatile boolean paused;

    /** Waits, without polling, until {@code check} gives a non-null value; fails the test after {@link TestClient#WAIT}. */
    synchronized <T> T await(Supplier<T> check, String what) {
        long deadline = System.nanoTime() + TestClient.WAIT.toNanos();
        for (T value = check.get(); ; value = check.get()) {
            if (value != null) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + TestClient.WAIT.toSeconds() + " s for " + what + "; received: " + texts);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    synchronized void arrived(String text) {
        long at = System.nanoTime();
        if (text.startsWith("{")) {
            try {
                objects.add(JSON.readTree(text));
            } catch (JsonProcessingException e) {
                // not JSON after all: kept as text only
            }
        }
        arrivals.add(at);
        texts.add(text);
        notifyAll();
    }

    synchronized void closed(int code) {
        closeCode.complete(code);
        notifyAll();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            arrived(partial.toString());
            partial.setLength(0);
        }
        if (!paused) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed(1006);
    }
}
