package io.kalisocket.mvc;

import java.util.Objects;

/**
 * Runs before every action (connect actions included), in the order given to {@code KaliServer.interceptor(...)},
 * after the arguments were routed and before they are bound: it lets the call go on, or answers it with an error
 * reply and the action does not run. The built-in guards ({@code @Authenticated}, {@code @RequiresClaim}) run after
 * the interceptors. Runs on the thread of the action; one instance serves every call: it must be thread-safe.
 */
@FunctionalInterface
public interface ActionInterceptor {

    /**
     * @param ctx the call: its connection (and {@code principal()}), params and gateway
     * @param route the action called
     * @return {@link Verdict#proceed()} to go on, or {@link Verdict#deny} with the reply's code and message
     */
    Verdict before(Ctx ctx, ActionRoute route);

    /**
     * What an interceptor decided.
     *
     * @param code 0 to go on, else the error reply's code (e.g. 401, 403, 429)
     * @param message the error reply's {@code msg}, shown to the client
     */
    record Verdict(int code, String message) {

        private static final Verdict PROCEED = new Verdict(ReplyCode.OK, "ok");

        /** Rejects a null message. */
        public Verdict {
            Objects.requireNonNull(message, "message");
        }

        /** @return the verdict that lets the call go on */
        public static Verdict proceed() {
            return PROCEED;
        }

        /**
         * @param code the error reply's code, not 0
         * @param message the error reply's {@code msg}, shown to the client
         * @return a verdict that answers the call with that error
         */
        public static Verdict deny(int code, String message) {
            if (code == ReplyCode.OK) {
                throw new IllegalArgumentException("code 0 means success; a denial needs another code");
            }
            return new Verdict(code, message);
        }

        /** @return true when the call goes on */
        public boolean proceeds() {
            return code == ReplyCode.OK;
        }
    }
}
