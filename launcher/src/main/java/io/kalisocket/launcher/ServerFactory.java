package io.kalisocket.launcher;

import io.kalisocket.KaliServer;
import io.kalisocket.config.KaliConfig;

/**
 * Makes the application's server from the loaded configuration and the application's own flags; the launcher
 * then starts it. Called once, for the {@code run} command only.
 */
@FunctionalInterface
public interface ServerFactory {

    /**
     * @param config the effective configuration: defaults, file, environment and flags, validated
     * @param options the values of the application's own flags, and where to hand what must be closed after the
     *     server stopped
     * @return the server, not yet started
     */
    KaliServer create(KaliConfig config, AppOptions options);
}
