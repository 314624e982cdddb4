package io.kalisocket.db;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the database is and how the pools behave. Every pool (the primary and each replica) gets
 * these settings.
 *
 * @param url JDBC URL of the primary: {@code jdbc:mariadb://host:3306/db} for MariaDB or MySQL,
 *     {@code jdbc:h2:...} for H2. Default {@value #DEFAULT_URL}: H2 in memory, speaking MariaDB's
 *     dialect, so the same DDL works on both
 * @param user database user. Default empty
 * @param password database password; an empty string means no password. Default empty
 * @param poolSize connections per pool, kept open (a fixed-size pool, as HikariCP recommends). Default 10
 * @param connectionTimeout longest wait for a connection; when the database is unreachable, calls fail
 *     with {@link DbUnavailableException} after this. Default 2 s (HikariCP's floor is 250 ms)
 * @param validationTimeout longest wait for a connection's liveness check (a ping). Default 1 s
 * @param keepaliveTime how often an idle pooled connection is pinged, so the server's
 *     {@code wait_timeout} never closes it; keep it below {@code wait_timeout}. Default 2 min
 *     (HikariCP ignores values under 30 s)
 * @param maxLifetime age at which a connection is retired and replaced; keep it below
 *     {@code wait_timeout}. Default 30 min (HikariCP's floor is 30 s)
 * @param socketTimeout MariaDB/MySQL only: longest wait for the server's answer on an open connection,
 *     after which the connection counts as lost. Default 30 s
 * @param replicas JDBC URLs of read replicas (same user and password); reads outside a transaction go
 *     to them round-robin. Default none
 * @param replicaRetryAfter how long a replica that could not give a connection is skipped before it
 *     is tried again. Default 10 s
 */
public record DbConfig(
        String url,
        String user,
        String password,
        int poolSize,
        Duration connectionTimeout,
        Duration validationTimeout,
        Duration keepaliveTime,
        Duration maxLifetime,
        Duration socketTimeout,
        List<String> replicas,
        Duration replicaRetryAfter) {

    /** The embedded default: an in-memory H2 database that lives as long as the JVM. */
    public static final String DEFAULT_URL =
            "jdbc:h2:mem:kalisocket;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

    /** Checks every component and copies the replica list so the record stays immutable. */
    public DbConfig {
        if (Objects.requireNonNull(url, "url").isBlank()) {
            throw new IllegalArgumentException("url must not be blank");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        positive(connectionTimeout, "connectionTimeout");
        positive(validationTimeout, "validationTimeout");
        positive(keepaliveTime, "keepaliveTime");
        positive(maxLifetime, "maxLifetime");
        positive(socketTimeout, "socketTimeout");
        positive(replicaRetryAfter, "replicaRetryAfter");
        replicas = List.copyOf(replicas);
    }

    /** The defaults documented on each component. */
    public static DbConfig defaults() {
        return of(DEFAULT_URL, "", "");
    }

    /**
     * The defaults with another database.
     *
     * @param url JDBC URL of the primary
     * @param user database user
     * @param password database password; empty for none
     * @return the configuration
     */
    public static DbConfig of(String url, String user, String password) {
        return new DbConfig(url, user, password, 10, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMinutes(2), Duration.ofMinutes(30), Duration.ofSeconds(30), List.of(),
                Duration.ofSeconds(10));
    }

    /**
     * This configuration with another pool size.
     *
     * @param size connections per pool
     * @return the new configuration
     */
    public DbConfig withPoolSize(int size) {
        return new DbConfig(url, user, password, size, connectionTimeout, validationTimeout, keepaliveTime,
                maxLifetime, socketTimeout, replicas, replicaRetryAfter);
    }

    /**
     * This configuration with another connection timeout.
     *
     * @param timeout longest wait for a connection
     * @return the new configuration
     */
    public DbConfig withConnectionTimeout(Duration timeout) {
        return new DbConfig(url, user, password, poolSize, timeout, validationTimeout, keepaliveTime,
                maxLifetime, socketTimeout, replicas, replicaRetryAfter);
    }

    /**
     * This configuration with read replicas.
     *
     * @param urls JDBC URLs of the replicas
     * @return the new configuration
     */
    public DbConfig withReplicas(List<String> urls) {
        return new DbConfig(url, user, password, poolSize, connectionTimeout, validationTimeout, keepaliveTime,
                maxLifetime, socketTimeout, urls, replicaRetryAfter);
    }

    /** Tells whether a URL is served by the MariaDB driver (MariaDB or MySQL). */
    static boolean isMariaDb(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:");
    }

    /** Like the generated one, without the password. */
    @Override
    public String toString() {
        return "DbConfig[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout
                + ", validationTimeout=" + validationTimeout + ", keepaliveTime=" + keepaliveTime
                + ", maxLifetime=" + maxLifetime + ", socketTimeout=" + socketTimeout
                + ", replicas=" + replicas + ", replicaRetryAfter=" + replicaRetryAfter + "]";
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
