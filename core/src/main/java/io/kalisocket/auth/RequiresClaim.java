package io.kalisocket.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an action or a controller class (then on each of its actions): the caller's {@link Principal} must have the
 * claim with that value ({@link Principal#hasClaim}: equal, or held by a list claim). A call without a principal is
 * answered {@code 401}, one without the claim {@code 403}; the action does not run. Several may be given (on the
 * class and the method alike): all must hold. Read once, when the server starts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(RequiresClaim.List.class)
public @interface RequiresClaim {

    /** @return the claim's name, e.g. {@code role} */
    String name();

    /** @return the value it must have, e.g. {@code admin} */
    String value();

    /** Holds repeated {@link RequiresClaim}s; written by the compiler, not by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {

        /** @return the repeated annotations */
        RequiresClaim[] value();
    }
}
