package io.kalisocket.internal.mvc;

/** A message whose params do not fit the action's request type; answered with a 400 naming the field. */
final class BindingException extends Exception {

    BindingException(String message) {
        super(message, null, false, false);
    }
}
