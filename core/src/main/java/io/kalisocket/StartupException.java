package io.kalisocket;

/**
 * The server could not start, for a reason an operator can fix: a port in use, a certificate that cannot be
 * read. The message is one line that names what failed and what moves it, e.g. {@code admin listener:
 * 127.0.0.1:9528 is in use (set admin.port or --admin-port)}. Whatever the server had opened before the failure
 * is released when this is thrown.
 */
public final class StartupException extends RuntimeException {

    /**
     * @param message one line: what failed and what the operator can do about it
     * @param cause the underlying failure, kept for the debug log
     */
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
