package io.kalisocket.mvc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller and optionally names it. Without this annotation a class named {@code ChatController}
 * found in a scanned package is the controller {@code chat}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Controller {

    /** @return the controller's name ({@code ct}), matching {@code [A-Za-z0-9_]{1,64}}; empty means derived */
    String value() default "";
}
