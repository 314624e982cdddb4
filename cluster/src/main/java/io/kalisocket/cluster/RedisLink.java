package io.kalisocket.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * This node's two Redis connections — one for commands (shared by every thread, pipelined), one subscribed
 * to the node's channels — and the one place where Redis errors become {@link ClusterUnavailableException}.
 * While disconnected, commands are rejected at once rather than queued, and Lettuce reconnects by itself
 * (backing off from 50 ms to 1 s); the pub/sub connection subscribes again on its own.
 */
final class RedisLink implements AutoCloseable {

    private final String where;
    private final Duration timeout;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;

    /**
     * Connects, or fails at once with a clear error when Redis cannot be reached.
     *
     * @param config the cluster's settings
     * @param onReconnect runs (on a Lettuce thread) whenever a connection to Redis is established
     */
    RedisLink(ClusterConfig config, Runnable onReconnect) {
        RedisURI uri = RedisURI.create(config.redisUri());
        uri.setTimeout(config.commandTimeout());
        this.where = uri.getHost() + ":" + uri.getPort();
        this.timeout = config.commandTimeout();
        this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .build());
        try {
            this.connection = client.connect();
            this.pubSub = client.connectPubSub();
        } catch (RuntimeException e) {
            shutdown();
            throw new ClusterUnavailableException("start", where, e);
        }
        for (Script script : Script.values()) {
            await("load scripts", connection.async().scriptLoad(script.source()));
        }
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                loadScripts();
                onReconnect.run();
            }
        });
    }

    /**
     * Loads every script into Redis's cache (again after a restart), so that pipelined calls rarely need the
     * fallback of {@link #run}, whose second send could land behind later calls (recovery's appends keep their order).
     */
    private void loadScripts() {
        for (Script script : Script.values()) {
            connection.async().scriptLoad(script.source());
        }
    }

    /** @return the asynchronous commands: they are sent in call order on one connection */
    RedisAsyncCommands<String, String> async() {
        return connection.async();
    }

    /** @return host:port of Redis, for messages */
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
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                listener.accept(message);
            }
        });
        await("subscribe", pubSub.async().subscribe(channels));
    }

    /**
     * Runs a script; when Redis lost its script cache (a restart), sends the source once.
     *
     * @param script the script
     * @param type how to read its answer
     * @param args its ARGV
     * @param <T> the answer's type
     * @return the answer, later
     */
    <T> CompletableFuture<T> run(Script script, ScriptOutputType type, String... args) {
        RedisAsyncCommands<String, String> async = connection.async();
        String[] keys = new String[0];
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
        try {
            return future.toCompletableFuture().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException(operation, where, e);
        } catch (TimeoutException e) {
            throw new ClusterUnavailableException(operation, where, e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RedisCommandExecutionException) {
                throw new IllegalStateException("cluster " + operation + ": Redis refused: " + cause.getMessage(), cause);
            }
            throw new ClusterUnavailableException(operation, where, cause);
        }
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
        pubSub.close();
        connection.close();
        shutdown();
    }

    private void shutdown() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
