package io.kalisocket.internal.mvc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code ct=form}: actions whose request types cover every kind of field a client can get wrong. */
public final class FormController {

    /** @param request the message bound to a one-field record @return the text */
    public Object say(Say request) {
        return request.text();
    }

    /** @param ctx the call @param form the message bound to a record of every field type @return true */
    public Object fill(Ctx ctx, Form form) {
        return true;
    }

    /** @param request checked by its own constructor @return its number */
    public Object order(Order request) {
        return request.quantity();
    }

    /** @param ctx the call @return the caller's client id */
    public Object me(Ctx ctx) {
        return ctx.clientId();
    }

    /** Always fails with an internal error; the client sees a 500 and the server log has the rest. */
    public Object crash() {
        throw new IllegalStateException("stock table missing");
    }

    /** @param text a string */
    public record Say(String text) {
    }

    /**
     * A request with one field of each kind.
     *
     * @param room required
     * @param text a string
     * @param count a whole number
     * @param ratio a number
     * @param flag true or false
     * @param tags a list
     * @param attrs an object
     * @param address a nested record
     * @param stops a list of records
     * @param color an enum
     * @param id a UUID
     */
    public record Form(@JsonProperty(required = true) String room, String text, int count, double ratio,
            Boolean flag, List<String> tags, Map<String, Object> attrs, Address address, List<Address> stops,
            Color color, UUID id) {
    }

    /** @param city a string */
    public record Address(String city) {
    }

    /** Two colours. */
    public enum Color {
        /** red */
        RED,
        /** green */
        GREEN
    }

    /**
     * Validates itself: an app's own rules, in its own words.
     *
     * @param quantity at least 1
     * @param coupon not "expired"
     */
    public record Order(int quantity, String coupon) {
        /** Refuses what the app does not take. */
        public Order {
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1");
            }
            if ("expired".equals(coupon)) {
                throw new KaliException(410, "coupon expired");
            }
        }
    }
}
