package io.kalisocket.cluster;

import io.kalisocket.testing.RequiredService;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the Redis of each {@link RedisKind}: declare a {@link Targets} parameter (e.g. of a
 * {@code @BeforeEach} method) in a class extended with this. The Redis Cluster is started the first time a test of
 * the run asks for it and stopped when the run ends (it lives in JUnit's root store, closed then), also on failure.
 */
final class RedisTargets implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RedisTargets.class);

    /** The Redis servers of this run. */
    static final class Targets {
        private final ExtensionContext.Store store;

        private Targets(ExtensionContext.Store store) {
            this.store = store;
        }

        /**
         * @param kind which Redis
         * @return its URI; the machine's Redis is required (failed under {@code CI=true} without it, else skipped)
         */
        String uri(RedisKind kind) {
            if (kind == RedisKind.SINGLE) {
                RequiredService.redis().require();
                return RedisForTests.URI;
            }
            return cluster().uri();
        }

        /** @return the run's Redis Cluster, started now if not yet */
        LocalRedisCluster cluster() {
            return store.getOrComputeIfAbsent(LocalRedisCluster.class, k -> LocalRedisCluster.start(),
                    LocalRedisCluster.class);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Targets.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Targets(context.getRoot().getStore(NS));
    }
}
