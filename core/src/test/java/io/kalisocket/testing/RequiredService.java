package io.kalisocket.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Something outside the JVM that a test needs (Redis, MariaDB, nginx...). When it is missing, the test fails
 * under {@code CI=true} (CI must run every test, never skip one) and is skipped elsewhere, with a message saying
 * how to enable it.
 *
 * <pre>{@code
 * RequiredService.redis().require();                       // at the start of a test
 *
 * @RegisterExtension                                        // or for a whole class, in a static field
 * static final RequiredService MARIADB = RequiredService.mariaDb();
 * }</pre>
 */
public final class RequiredService implements BeforeAllCallback {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    /** Where Debian puts daemons, not always on a user's PATH. */
    private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private final String what;
    private final BooleanSupplier present;
    private final String howToEnable;

    private RequiredService(String what, BooleanSupplier present, String howToEnable) {
        this.what = Objects.requireNonNull(what, "what");
        this.present = Objects.requireNonNull(present, "present");
        this.howToEnable = Objects.requireNonNull(howToEnable, "howToEnable");
    }

    /**
     * @param what the service, as the message names it, e.g. {@code "netty-tcnative on the class path"}
     * @param present tells whether it is there (asked on each {@link #require()})
     * @param howToEnable what to do to have it, e.g. {@code "apt-get install -y nginx"}
     * @return the requirement
     */
    public static RequiredService of(String what, BooleanSupplier present, String howToEnable) {
        return new RequiredService(what, present, howToEnable);
    }

    /**
     * @param what the service, e.g. {@code "Redis"}
     * @param port where it answers TCP on 127.0.0.1
     * @param howToEnable how to start it
     * @return the requirement that something accepts connections on that loopback port
     */
    public static RequiredService listening(String what, int port, String howToEnable) {
        return of(what + " on " + LOOPBACK + ":" + port, () -> accepts(port), howToEnable);
    }

    /**
     * @param name an executable, e.g. {@code nginx}
     * @param howToEnable how to install it
     * @return the requirement that it is on the PATH or in an sbin folder ({@link #findCommand(String)})
     */
    public static RequiredService command(String name, String howToEnable) {
        return of("the " + name + " command", () -> findCommand(name).isPresent(), howToEnable);
    }

    /** @return Redis on 127.0.0.1:6379, as {@code .ci/run} starts it */
    public static RequiredService redis() {
        return listening("Redis", 6379, "apt-get install -y redis-server; redis-server --daemonize yes"
                + " --bind 127.0.0.1 --port 6379 (as .ci/run does)");
    }

    /** @return the {@code redis-server} binary, for tests that start and stop their own Redis */
    public static RequiredService redisServer() {
        return command("redis-server", "apt-get install -y redis-server");
    }

    /** @return MariaDB on 127.0.0.1:3306 (root, no password), as {@code .ci/run} starts it */
    public static RequiredService mariaDb() {
        return listening("MariaDB (root, no password)", 3306, "apt-get install -y mariadb-server;"
                + " start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd (as .ci/run does)");
    }

    /**
     * @param name an executable
     * @return its path: the first executable of that name on the PATH, then in the sbin folders
     */
    public static Optional<Path> findCommand(String name) {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(path, SBIN.stream()).filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }

    /** @return whether the service is there now */
    public boolean isPresent() {
        return present.getAsBoolean();
    }

    /**
     * Returns when the service is there. Otherwise fails the calling test with {@code CI=true}, and skips it
     * elsewhere; either way with a message naming the service and how to enable it.
     *
     * @throws AssertionError when the service is missing under {@code CI=true}
     */
    public void require() {
        require(underCi());
    }

    /** {@link #require()}, told whether this is CI rather than reading {@code CI}. @param ci whether under CI */
    void require(boolean ci) {
        if (isPresent()) {
            return;
        }
        if (ci) {
            throw new AssertionError("CI=true, but " + what + " is missing, so this test fails instead of being"
                    + " skipped. .ci/run must provide it: " + howToEnable);
        }
        Assumptions.abort(what + " is missing: test skipped. To run it: " + howToEnable
                + ". With CI=true it fails instead of being skipped.");
    }

    /** Requires the service before the tests of the class that registers this in a static field. */
    @Override
    public void beforeAll(ExtensionContext context) {
        require();
    }

    /** @return whether this JVM runs under CI ({@code CI=true}) */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return what;
    }
}
