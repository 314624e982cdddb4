package io.kalisocket.spring.boot;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A section of the status report, shown by the admin endpoint's {@code /status} and by {@code /actuator/kalisocket}:
 * declare a bean of this type to add one (the starter adds {@code db} and {@code cluster} itself).
 *
 * @param name the section's key, e.g. {@code db}
 * @param section computes the section (maps, lists, numbers, strings) on each request
 */
public record KaliSocketStatusSection(String name, Supplier<Object> section) {

    /** Requires both parts. */
    public KaliSocketStatusSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(section, "section");
    }
}
