package io.kalisocket.cluster;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * This node's link to Redis ({@link RedisDeployment}: one Redis, a Sentinel set or a Redis Cluster) — commands
 * shared by every thread and pipelined, and a subscription to the node's channels — and the one place where Redis
 * errors become {@link ClusterUnavailableException}: Redis unreachable, too slow, or unable to serve for now (a Redis
 * Cluster failing over). While disconnected, commands are rejected at once rather than queued, and Lettuce
 * reconnects by itself (backing off from 50 ms to 1 s).
 */
final class RedisLink implements AutoCloseable {

    /** How long a Redis that accepted the connection may take to answer while the link is made. */
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    /** The error codes of {@link #cannotServeNow}. */
    private static final Set<String> UNAVAILABLE =
            Set.of("CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY", "LOADING", "NOREPLICAS");

    private final Duration timeout;
    private final String where;
    private final RedisDeployment redis;

    /**
     * Connects, or fails at once with a clear error when Redis cannot be reached.
     *
     * @param config the cluster's settings
     * @param onReconnect runs (on a Lettuce thread) whenever a connection to Redis is established
     */
    RedisLink(ClusterConfig config, Runnable onReconnect) {
        this.timeout = config.commandTimeout();
        this.where = RedisDeployment.where(config.redisUri());
        this.redis = RedisDeployment.connect(config, () -> {
            loadScripts();
            onReconnect.run();
        });
        try {
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            for (Script script : Script.values()) {
                loadAtStart(script, deadline);
            }
            loadScripts();
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /**
     * Loads a script while the link is made, again every 100 ms while the connection drops (a Redis Cluster in the
     * middle of a failover), until the deadline.
     */
    private void loadAtStart(Script script, long deadline) {
        while (true) {
            try {
                awaitStart("load scripts", where, redis.async().scriptLoad(script.source()));
                return;
            } catch (ClusterUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /** @return the client resources of one link: two I/O and two computation threads, reconnects 50 ms to 1 s */
    static ClientResources resources() {
        return ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
    }

    /**
     * Closes connections (those made), then the client and its threads.
     *
     * @param client the Lettuce client
     * @param resources its threads
     * @param connections its connections; null for one not made
     */
    static void shutdown(AbstractRedisClient client, ClientResources resources, StatefulConnection<?, ?>... connections) {
        for (StatefulConnection<?, ?> c : connections) {
            if (c != null) {
                c.close();
            }
        }
        client.shutdown(Duration.ofMillis(100), Duration.ofSeconds(2));
        // A quiet period, so that a connection registering as the loops stop (a topology refresh, a reconnection) is
        // closed by them too: with none, it can stay registered and its buffer is never released.
        resources.shutdown(100, 2000, TimeUnit.MILLISECONDS);
    }

    /**
     * Loads every script into Redis's cache (again after a restart), so that pipelined calls rarely need the
     * fallback of {@link #run}, whose second send could land behind later calls (recovery's appends keep their order).
     */
    private void loadScripts() {
        if (redis == null) {
            return; // connected while the link is still being made: the constructor loads them
        }
        for (Script script : Script.values()) {
            redis.loadScript(script.source());
        }
    }

    /** @return the asynchronous commands: they are sent in call order on one connection per Redis server */
    RedisClusterAsyncCommands<String, String> async() {
        return redis.async();
    }

    /**
     * @param channel a node's channel
     * @param message a notice
     * @param sharded true for a sharded channel (SPUBLISH: a hash-tagged prefix, as on a Redis Cluster)
     * @return how many subscribers got it (on a Redis Cluster, those on the channel's shard), later
     */
    CompletionStage<Long> publish(String channel, String message, boolean sharded) {
        return sharded ? redis.async().spublish(channel, message) : redis.async().publish(channel, message);
    }

    /** @return how long a command may take before it fails */
    Duration timeout() {
        return timeout;
    }

    /** @return where Redis is, for messages */
    String where() {
        return where;
    }

    /**
     * Subscribes this node's listener.
     *
     * @param listener gets every message of the channels, on a Lettuce thread, in order
     * @param channels the channels
     */
    void subscribe(Consumer<String> listener, String... channels) {
        redis.subscribe(listener, channels);
    }

    /** Follows a Redis Cluster's failover: subscribes again where a channel's slot moved. */
    void followTopology() {
        redis.followTopology();
    }

    /**
     * Runs a registry script ({@code ARGV[1]} = the key prefix) in the prefix's slot; when Redis lost its script
     * cache (a restart), sends the source once.
     *
     * @param script the script
     * @param type how to read its answer
     * @param args its ARGV
     * @param <T> the answer's type
     * @return the answer, later
     */
    <T> CompletableFuture<T> run(Script script, ScriptOutputType type, String... args) {
        // routes the script to the slot of the prefix (that of the membership on a Redis Cluster)
        return runOn(script, type, new String[] {args[0] + "nodes"}, args);
    }

    /**
     * Runs a script that touches only the keys given (one entity's, in one slot); otherwise as {@link #run}.
     *
     * @param script the script
     * @param type how to read its answer
     * @param keys its KEYS, which route it
     * @param args its ARGV
     * @param <T> the answer's type
     * @return the answer, later
     */
    <T> CompletableFuture<T> runOn(Script script, ScriptOutputType type, String[] keys, String... args) {
        RedisClusterAsyncCommands<String, String> async = redis.async();
        CompletionStage<T> first = async.<T>evalsha(script.sha(), type, keys, args);
        return first.toCompletableFuture().exceptionallyCompose(e -> unwrap(e) instanceof RedisNoScriptException
                ? async.<T>eval(script.source(), type, keys, args).toCompletableFuture()
                : CompletableFuture.failedFuture(unwrap(e)));
    }

    /**
     * Waits for a command's answer.
     *
     * @param operation what the command is for, for the error message
     * @param future the command
     * @param <T> the answer's type
     * @return the answer
     * @throws ClusterUnavailableException when Redis is unreachable or too slow
     */
    <T> T await(String operation, CompletionStage<T> future) {
        return await(operation, where, timeout, future);
    }

    /**
     * {@link #await} while the link is being made: a Redis that accepted the connection gets up to 10 s to answer
     * (a busy or just started one); an unreachable one has already failed the connection at once.
     */
    static <T> T awaitStart(String operation, String where, CompletionStage<T> future) {
        return await(operation, where, START_WAIT, future);
    }

    /** {@link #await} with the bound given. */
    static <T> T await(String operation, String where, Duration timeout, CompletionStage<T> future) {
        try {
            return future.toCompletableFuture().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException(operation, where, e);
        } catch (TimeoutException e) {
            throw new ClusterUnavailableException(operation, where, e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RedisCommandExecutionException && cannotServeNow(cause.getMessage())) {
                throw ClusterUnavailableException.cannotServe(operation, where, cause);
            }
            if (cause instanceof RedisCommandExecutionException) {
                throw new IllegalStateException("cluster " + operation + ": Redis refused: " + cause.getMessage(), cause);
            }
            throw new ClusterUnavailableException(operation, where, cause);
        }
    }

    /**
     * @param error a Redis error, e.g. {@code CLUSTERDOWN The cluster is down}
     * @return true for an error of a Redis that is there but cannot serve for now: a Redis Cluster failing over
     *     ({@code CLUSTERDOWN}, {@code TRYAGAIN}), a replica being promoted or demoted ({@code MASTERDOWN},
     *     {@code READONLY}), a Redis loading its data ({@code LOADING}), too few replicas for a write
     *     ({@code NOREPLICAS})
     */
    static boolean cannotServeNow(String error) {
        int space = error == null ? -1 : error.indexOf(' ');
        return space > 0 && UNAVAILABLE.contains(error.substring(0, space));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        redis.close();
    }
}
