package io.kalisocket.launcher;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link ServerFactory} gets besides the configuration: the values of the flags the application declared
 * with {@link KaliLauncher.Builder#option}, and a place for what must be closed once the server has stopped (a
 * cluster link, a client of another service).
 */
public final class AppOptions {

    private static final Logger log = LoggerFactory.getLogger(AppOptions.class);

    private final Set<String> declared;
    private final Map<String, String> values;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    AppOptions(Set<String> declared, Map<String, String> values) {
        this.declared = Set.copyOf(declared);
        this.values = Map.copyOf(values);
    }

    /**
     * @param flag a flag the application declared, e.g. {@code --redis}
     * @return its value when given on the command line (possibly empty: {@code --db-password ""})
     * @throws IllegalArgumentException when the application did not declare the flag (a typo in the code)
     */
    public Optional<String> value(String flag) {
        if (!declared.contains(flag)) {
            throw new IllegalArgumentException(flag + " is not a declared option; declared: " + declared);
        }
        return Optional.ofNullable(values.get(flag));
    }

    /**
     * Closes a resource once the server has stopped (or failed to start); resources close in the reverse order
     * of their hand-over.
     *
     * @param resource what to close
     * @param <T> its type
     * @return the resource, for use in one expression
     */
    public <T extends AutoCloseable> T closeAfterStop(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Closes every resource handed over; one that fails is logged and the others still close. */
    void closeAll() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} after the stop failed", resource, e);
            }
        }
    }
}
