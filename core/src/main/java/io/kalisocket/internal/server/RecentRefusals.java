package io.kalisocket.internal.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The answers of recent refused upgrades, for clients that cannot read them: a browser's WebSocket reports a refused
 * handshake as a close with 1006 and hides the HTTP status. A client that sends a random id in the upgrade's query
 * ({@code ?ks_refusal=ID}) and is refused can fetch the answer with a plain GET of any path with the same parameter
 * (docs/SECURITY.md, "Refused handshakes"). The id is the only key, so a client sees only its own refusal.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} answers, each kept {@link #KEPT} (on the server's clock). Thread-safe.
 */
final class RecentRefusals {

    /** The query parameter that carries the client's id, in the upgrade and in the look-up. */
    static final String PARAM = "ks_refusal";
    /** The most answers kept at once. */
    static final int MAX_ENTRIES = 10_000;
    /** How long an answer is kept. */
    static final Duration KEPT = Duration.ofSeconds(30);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Cache<String, byte[]> answers;

    /** @param nanoClock the server's clock ({@code KaliClock::nanoTime}) */
    RecentRefusals(LongSupplier nanoClock) {
        this.answers = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(KEPT)
                .ticker(nanoClock::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /**
     * @param uri the refused upgrade's URI
     * @param body the answer it got
     */
    void remember(QueryStringDecoder uri, byte[] body) {
        idOf(uri).ifPresent(id -> answers.put(id, body));
    }

    /** @param uri a plain GET's URI @return the answer of the refusal it asks for, if known */
    Optional<byte[]> find(QueryStringDecoder uri) {
        return idOf(uri).map(answers::getIfPresent);
    }

    /** @param uri a request's URI @return whether it asks for a refusal ({@code ks_refusal} given) */
    static boolean asksFor(QueryStringDecoder uri) {
        return uri.parameters().containsKey(PARAM);
    }

    private static Optional<String> idOf(QueryStringDecoder uri) {
        List<String> ids = uri.parameters().get(PARAM);
        return ids == null || ids.size() != 1 || !ID.matcher(ids.get(0)).matches() ? Optional.empty()
                : Optional.of(ids.get(0));
    }
}
