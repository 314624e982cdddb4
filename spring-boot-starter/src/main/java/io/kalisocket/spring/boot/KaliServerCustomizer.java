package io.kalisocket.spring.boot;

import io.kalisocket.KaliServer;

/**
 * Changes the server before it starts, for what has no {@code kalisocket.*} key: callbacks, an extension, a status
 * section. Every bean of this type runs, in {@link org.springframework.core.annotation.Order} order, after the
 * controllers, interceptors and {@code Events} beans were added.
 */
@FunctionalInterface
public interface KaliServerCustomizer {

    /** @param server the server about to bind */
    void customize(KaliServer server);
}
