package io.kalisocket.mvc;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * An action as an {@link ActionInterceptor} sees it: its names on the wire and the Java method behind it, made once
 * per action when the server starts.
 *
 * @param controller the {@code ct}
 * @param action the {@code ac}
 * @param method the controller's method that runs it
 */
public record ActionRoute(String controller, String action, Method method) {

    /**
     * An annotation on the method, else on its class: what a guard of one's own reads (read it once per route and
     * keep the answer, not on every call).
     *
     * @param type the annotation type
     * @param <A> the annotation
     * @return the method's annotation, else its class's, if any
     */
    public <A extends Annotation> Optional<A> annotation(Class<A> type) {
        A onMethod = method.getAnnotation(type);
        return Optional.ofNullable(onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(type));
    }
}
