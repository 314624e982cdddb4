package io.kalisocket.cluster;

import java.util.concurrent.CompletableFuture;

/**
 * The lists of users and groups that have connections ({@code ks:uids}, {@code ks:groups}, in the registry's slot:
 * the key prefix's), kept beside hashes that live in slots of their own: a name is listed after its hash got an
 * entry, and unlisted when its hash emptied, then listed again if the hash got an entry meanwhile. So a name with a
 * connection is never left out, whatever the order in which two nodes' writes land.
 */
final class EntityLists {

    private final RedisLink redis;

    EntityLists(RedisLink redis) {
        this.redis = redis;
    }

    /** @param list the list @param name a user or group whose hash just got an entry @return later, once listed */
    CompletableFuture<Void> listed(String list, String name) {
        return redis.async().sadd(list, name).toCompletableFuture().thenApply(added -> null);
    }

    /**
     * @param list the list
     * @param name a user or group whose hash emptied
     * @param hash that hash
     * @return later, once unlisted, or listed again when the hash is not empty any more
     */
    CompletableFuture<Void> emptied(String list, String name, String hash) {
        return redis.async().srem(list, name).toCompletableFuture()
                .thenCompose(removed -> redis.async().exists(hash).toCompletableFuture())
                .thenCompose(exists -> exists == 1L ? listed(list, name) : CompletableFuture.completedFuture(null));
    }
}
