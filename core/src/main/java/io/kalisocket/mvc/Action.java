package io.kalisocket.mvc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Renames an action: by default the action's name ({@code ac}) is the method's name. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {

    /** @return the action's name, matching {@code [A-Za-z0-9_]{1,64}} */
    String value();
}
