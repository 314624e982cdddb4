package io.kalisocket.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The calls that have no reply yet, in the order they were made, and the msgids that name them. Not thread-safe:
 * {@link ClientEngine} guards it.
 */
final class PendingCalls {

    /**
     * One call: its frame, its future, whether it skips the queue ({@link Resume}), whether the server
     * acknowledged it and when it was last sent.
     */
    static final class Call {
        final String msgid;
        final String frame;
        final CompletableFuture<JsonNode> future;
        final boolean direct;
        boolean acked;
        boolean sent;
        long sentAtNanos;
        Future<?> timeout;

        Call(String msgid, String frame, CompletableFuture<JsonNode> future, boolean direct) {
            this.msgid = msgid;
            this.frame = frame;
            this.future = future;
            this.direct = direct;
        }

        /**
         * Notes a transmission (a clock's nanoseconds may be negative, so a flag says "sent").
         *
         * @param nowNanos the client clock's time
         */
        void markSent(long nowNanos) {
            sent = true;
            sentAtNanos = nowNanos;
        }

        /** @param reply the server's reply: code 0 completes the call with its data, any other code fails it */
        void settle(JsonNode reply) {
            int code = reply.get("code").asInt();
            if (code == 0) {
                future.complete(reply.path("data"));
            } else {
                future.completeExceptionally(new ReplyException(code, reply.path("msg").asText("error"), reply));
            }
        }

        /** @param code {@link ReplyException#TIMEOUT} or {@link ReplyException#CLOSED} @param why its message */
        void fail(int code, String why) {
            future.completeExceptionally(new ReplyException(code, why, null));
        }
    }

    private final Map<String, Call> calls = new LinkedHashMap<>();
    /** Random per client, so that two clients of one user never share a msgid in the server's dedup window. */
    private final String msgidPrefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private long seq;

    /** @return a msgid no other call of this client had */
    String nextMsgid() {
        return msgidPrefix + "-" + (++seq);
    }

    void add(Call call) {
        calls.put(call.msgid, call);
    }

    boolean contains(Call call) {
        return calls.get(call.msgid) == call;
    }

    /** Marks a call acknowledged (its {@code pongMsg} came): it is not resent any more. */
    void ack(String msgid) {
        Call call = calls.get(msgid);
        if (call != null) {
            call.acked = true;
        }
    }

    /** @return the call, removed, or null when it is not pending */
    Call remove(String msgid) {
        Call call = calls.remove(msgid);
        if (call != null && call.timeout != null) {
            call.timeout.cancel(false);
        }
        return call;
    }

    /** @return calls sent at least {@code intervalNanos} ago and not acknowledged, oldest first */
    List<Call> dueForResend(long nowNanos, long intervalNanos) {
        List<Call> due = new ArrayList<>();
        for (Call c : calls.values()) {
            if (c.sent && !c.acked && nowNanos - c.sentAtNanos >= intervalNanos) {
                due.add(c);
            }
        }
        return due;
    }

    /** @return every call sent and not acknowledged, oldest first (to resend after a reconnect) */
    List<Call> unacknowledged() {
        List<Call> all = new ArrayList<>();
        for (Call c : calls.values()) {
            if (c.sent && !c.acked) {
                all.add(c);
            }
        }
        return all;
    }

    /** @return every pending call, removed */
    List<Call> drain() {
        List<Call> all = new ArrayList<>(calls.values());
        all.forEach(c -> remove(c.msgid));
        return all;
    }
}
