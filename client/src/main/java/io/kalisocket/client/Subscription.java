package io.kalisocket.client;

/** A registered listener; {@link #close()} removes it. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Removes the listener; calling it again does nothing. */
    @Override
    void close();
}
