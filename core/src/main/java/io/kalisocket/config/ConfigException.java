package io.kalisocket.config;

/** A configuration that cannot be used; the message names the key and what is wrong with it. */
public final class ConfigException extends RuntimeException {

    /** @param message names the key and the problem, e.g. {@code server.port: 70000 is not a port (1-65535)} */
    public ConfigException(String message) {
        super(message);
    }
}
