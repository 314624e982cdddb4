package io.kalisocket.cluster;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The groups' hashes (client id -> {@code node|epoch}) and node counts, each group in its own slot on a Redis Cluster
 * with its route version and marks (docs/CLUSTER.md, sharding plan step 2b): written by the node holding a connection,
 * its one writer, after the connection's record said so; the epoch (how many claims moved the connection so far) makes
 * the group's slot refuse a late write of a node a claim took the connection from. The node counts let a send find
 * the nodes holding members in O(nodes), whatever the group's size. The list of non-empty groups is kept beside the
 * hashes ({@link EntityLists}).
 */
final class GroupIndex {

    /**
     * A group emptied at once ({@code ungroup}).
     *
     * @param holders the nodes that held members
     * @param members its members
     */
    record Dissolved(List<String> holders, List<String> members) {
    }

    private final RedisLink redis;
    private final Keys keys;
    private final String self;
    private final EntityLists lists;

    GroupIndex(RedisLink redis, Keys keys, String self) {
        this.redis = redis;
        this.keys = keys;
        this.self = self;
        this.lists = new EntityLists(redis);
    }

    /**
     * @param clientId a connection that joined the group
     * @param group the group
     * @param epoch its claims so far
     * @return later, once written and the group listed
     */
    CompletableFuture<Void> add(String clientId, String group, long epoch) {
        return redis.<Long>runOn(Script.GROUP_ADD, ScriptOutputType.INTEGER, counted(group), clientId, self,
                        Long.toString(epoch))
                .thenCompose(added -> lists.listed(keys.groups(), group));
    }

    /**
     * @param clientId a connection that left the group (or closed)
     * @param group the group
     * @param epoch its claims so far
     * @return later, once removed, and the group unlisted when it has no member left
     */
    CompletableFuture<Void> remove(String clientId, String group, long epoch) {
        return redis.<List<Object>>runOn(Script.GROUP_REMOVE, ScriptOutputType.MULTI, counted(group), clientId,
                        Long.toString(epoch))
                .thenCompose(answer -> (Long) answer.get(1) > 0L ? CompletableFuture.completedFuture(null)
                        : lists.emptied(keys.groups(), group, keys.group(group)));
    }

    /**
     * A claim's step in a group's slot, after its step in the connection's.
     *
     * @param clientId the member claimed
     * @param group the group
     * @param epoch its claims, this one included
     * @param oldNode the node it was claimed from
     * @return later, the version the group switched at
     */
    CompletableFuture<Long> switchHere(String clientId, String group, long epoch, String oldNode) {
        return redis.runOn(Script.GROUP_SWITCH, ScriptOutputType.INTEGER, keys.groupKeys(group), clientId, self,
                Long.toString(epoch), oldNode);
    }

    /**
     * @param group a group
     * @param excluded client ids not to count
     * @return later, where its members are ({@code routed} in {@code lua/lib.lua})
     */
    CompletableFuture<List<Object>> route(String group, List<String> excluded) {
        List<String> args = new ArrayList<>(List.of(self, "g:" + group));
        args.addAll(excluded);
        return redis.runOn(Script.GROUP_ROUTE, ScriptOutputType.MULTI, keys.groupKeys(group),
                args.toArray(String[]::new));
    }

    /** @param group a group @return later, its members, each with its entry ({@code node|epoch}) */
    CompletableFuture<Map<String, String>> members(String group) {
        return redis.async().hgetall(keys.group(group)).toCompletableFuture();
    }

    /** @param group a group to dissolve @return later, what it held, its hash and counts deleted */
    CompletableFuture<Dissolved> dissolve(String group) {
        return redis.<List<Object>>runOn(Script.GROUP_DISSOLVE, ScriptOutputType.MULTI, counted(group))
                .thenApply(answer -> {
                    int holders = Math.toIntExact((Long) answer.get(0));
                    List<String> strings = answer.subList(1, answer.size()).stream().map(String::valueOf).toList();
                    return new Dissolved(strings.subList(0, holders), strings.subList(holders, strings.size()));
                });
    }

    private String[] counted(String group) {
        return new String[] {keys.group(group), keys.groupNodes(group)};
    }
}
