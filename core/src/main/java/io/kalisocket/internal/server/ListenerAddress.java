package io.kalisocket.internal.server;

import io.kalisocket.StartupException;
import io.netty.channel.unix.Errors;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Where one listener of a server binds, and what moves it: turns a failed bind into a {@link StartupException}
 * whose one line names the listener, the address and the setting to change, e.g. {@code websocket listener:
 * 127.0.0.1:9527 is in use (set server.port or --port)}.
 *
 * @param name what listens, e.g. {@code websocket listener}
 * @param host the address to bind
 * @param port the port to bind
 * @param portSetting the key and flag that move the port, e.g. {@code server.port or --port}
 * @param hostSetting the key and flag that change the address, e.g. {@code server.host or --host}
 */
public record ListenerAddress(String name, String host, int port, String portSetting, String hostSetting) {

    /** Linux errno values (the same on x86_64 and aarch64) that Netty's native transport reports, negated. */
    private static final int EACCES = 13;
    private static final int EADDRINUSE = 98;
    private static final int EADDRNOTAVAIL = 99;

    /**
     * @param cause why the bind failed: a {@link BindException} (NIO) or a native {@code bind(..) failed} (epoll)
     * @return the start-up error to throw
     */
    public StartupException failure(Throwable cause) {
        String where = name + ": " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        String line = switch (reason(cause)) {
            case EADDRINUSE -> where + " is in use (set " + portSetting + ")";
            case EACCES -> where + ": permission denied; ports below 1024 need privileges (set " + portSetting + ")";
            case EADDRNOTAVAIL -> where + ": " + host + " is not an address of this host (set " + hostSetting + ")";
            default -> cause instanceof UnresolvedAddressException
                    ? where + ": " + host + " is not a known host name (set " + hostSetting + ")"
                    : where + ": cannot listen: " + cause + " (set " + hostSetting + ", " + portSetting + ")";
        };
        return new StartupException(line, cause);
    }

    /** @return the errno the failure stands for, or 0 when it is none of those this class names */
    private static int reason(Throwable cause) {
        if (cause instanceof Errors.NativeIoException nativeError) {
            return -nativeError.expectedErr();
        }
        if (cause instanceof BindException) {
            // The JDK's message is the C library's text for the errno; nothing else tells the reasons apart.
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Address already in use")) {
                return EADDRINUSE;
            }
            if (message.contains("Permission denied")) {
                return EACCES;
            }
            if (message.contains("Cannot assign requested address")) {
                return EADDRNOTAVAIL;
            }
        }
        return 0;
    }
}
