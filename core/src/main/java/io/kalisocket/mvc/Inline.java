package io.kalisocket.mvc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an action non-blocking: it runs on the connection's event loop, skipping the hand-off to an
 * action thread (when no earlier message of the connection is still waiting, so order is kept).
 * An inline action must never block: no database, no sleeping, no waiting on futures.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Inline {
}
