package io.kalisocket.cluster;

/**
 * Names of every Redis key and channel the cluster uses, all under one prefix ({@code ks:} by default).
 * The Lua scripts build the same names from the prefix; {@code docs/CLUSTER.md} lists them.
 */
record Keys(String prefix) {

    /**
     * @param config the cluster's settings
     * @return its names; on a Redis Cluster the prefix is hash-tagged ({@code ks:} becomes {@code {ks:}}) so every
     *     key and channel is in one slot, which the multi-key scripts need
     */
    static Keys of(ClusterConfig config) {
        String prefix = config.keyPrefix();
        boolean tag = RedisDeployment.isCluster(config.redisUri()) && !prefix.startsWith("{");
        return new Keys(tag ? "{" + prefix + "}" : prefix);
    }

    /** @return true on a Redis Cluster (a hash-tagged prefix): channels are sharded then */
    boolean sharded() {
        return prefix.startsWith("{");
    }

    /**
     * @param kind what the key holds, e.g. {@code ch:}
     * @param id whose it is
     * @return the name; on a Redis Cluster hash-tagged by the id, so such keys spread over the slots (the prefix's
     *     slot keeps the membership, which the multi-key scripts need together)
     */
    private String own(String kind, String id) {
        return sharded() ? prefix.substring(1, prefix.length() - 1) + kind + "{" + id + "}" : prefix + kind + id;
    }

    /** @return the set of node ids that announced themselves */
    String nodes() {
        return prefix + "nodes";
    }

    /**
     * @param node a node id
     * @return the node's heartbeat key (expires when the node stops renewing it); in the node's own slot on a Redis
     *     Cluster, with its list of connections and its channel
     */
    String alive(String node) {
        return own("node:", node);
    }

    /** @param node a node id @return the lock a survivor takes to clean up that dead node, in the node's slot */
    String cleanup(String node) {
        return own("cleanup:", node);
    }

    /**
     * @param node a node id
     * @return the set of the connections the node registered, in the node's slot: what a survivor purges when the
     *     node dies and what cluster-wide counts sum; which node holds a connection is its record's ({@link #client})
     */
    String clients(String node) {
        return own("n:", node);
    }

    /**
     * @param uid a user
     * @return the hash client id -> node of the user's connections; in the user's own slot on a Redis Cluster, with
     *     its route version and marks ({@link #version}, {@link #movedFrom})
     */
    String uid(String uid) {
        return own("uid:", uid);
    }

    /**
     * @param uid a user
     * @return the KEYS of the scripts in the user's slot: its hash, its route version, its marks
     */
    String[] userKeys(String uid) {
        return new String[] {uid(uid), version("u:" + uid), movedFrom("u:" + uid)};
    }

    /**
     * @param entity a user {@code u:<uid>}, group {@code g:<g>}, connection {@code c:<cid>} or everyone {@code a}
     * @return its route version ({@link RouteStamp}); a user's, group's or connection's in its own slot on a Redis
     *     Cluster
     */
    String version(String entity) {
        return ownEntity("v:", entity);
    }

    /** @return the set of users with a connection */
    String uids() {
        return prefix + "uids";
    }

    /**
     * @param group a group
     * @return the hash client id -> node of the group's members; in the group's own slot on a Redis Cluster, with its
     *     node counts, route version and marks
     */
    String group(String group) {
        return own("group:", group);
    }

    /** @param group a group @return the hash node id -> number of the group's members on that node */
    String groupNodes(String group) {
        return own("gn:", group);
    }

    /** @param group a group @return the KEYS of the scripts in the group's slot: hash, counts, version, marks */
    String[] groupKeys(String group) {
        return new String[] {group(group), groupNodes(group), version("g:" + group), movedFrom("g:" + group)};
    }

    /** @return the set of non-empty groups */
    String groups() {
        return prefix + "groups";
    }

    /**
     * @param clientId a client
     * @return the connection's record, a hash: {@code n} the node holding it (present while it is registered),
     *     {@code uid} its user; in the client's own slot on a Redis Cluster, with its groups, route version (its
     *     epoch), marks, session and recovery stream
     */
    String client(String clientId) {
        return own("c:", clientId);
    }

    /** @param clientId a client @return the set of the client's groups, beside its record */
    String clientGroups(String clientId) {
        return own("cg:", clientId);
    }

    /**
     * @param clientId a client
     * @return the KEYS of the scripts in the client's slot: its record, its groups, its route version, its marks
     */
    String[] clientKeys(String clientId) {
        return new String[] {client(clientId), clientGroups(clientId), version("c:" + clientId),
            movedFrom("c:" + clientId)};
    }

    /**
     * @param clientId a client
     * @return the hash of the client's session, values as JSON; in the client's own slot on a Redis Cluster (the
     *     session is the application's data, often the largest part of a connection's membership)
     */
    String session(String clientId) {
        return own("s:", clientId);
    }

    /**
     * @param node a node id
     * @return the node's channel: everything addressed to its connections. On a Redis Cluster it is hash-tagged by
     *     the node ({@code ks:ch:{a}}), so each node's channel is in a slot of its own and the nodes' traffic spreads
     *     over the primaries; the scripts never publish there (they run in the prefix's slot), their callers do
     */
    String channel(String node) {
        return own("ch:", node);
    }

    /** @return the channel every node listens to, for {@code sendToAll} and route changes (in the prefix's slot) */
    String channelAll() {
        return prefix + "ch:all";
    }

    /**
     * @param clientId a recoverable connection
     * @return the hash of its stream: owning node, newest number, bytes; in the client's own slot on a Redis Cluster
     */
    String streamMeta(String clientId) {
        return own("r:", clientId);
    }

    /** @param clientId a recoverable connection @return its push stream (entry id = push number), beside its hash */
    String stream(String clientId) {
        return own("rs:", clientId);
    }

    /** @param clientId a recoverable connection @return the KEYS of the scripts on its stream: its hash, its stream */
    String[] streamKeys(String clientId) {
        return new String[] {streamMeta(clientId), stream(clientId)};
    }

    /**
     * @param entity a user {@code u:<uid>}, group {@code g:<g>}, connection {@code c:<cid>} or everyone {@code a}
     * @return the hash connection -> old node of the entity's connections claimed by other nodes that their old node
     *     has not let go yet ({@link RouteStamp}); a user's, group's or connection's in its own slot on a Redis Cluster
     */
    String movedFrom(String entity) {
        return ownEntity("mf:", entity);
    }

    /** A user's, group's or connection's key in its own slot (on a Redis Cluster); everyone's in the prefix's. */
    private String ownEntity(String kind, String entity) {
        boolean own = entity.startsWith("u:") || entity.startsWith("g:") || entity.startsWith("c:");
        return own ? own(kind + entity.substring(0, 2), entity.substring(2)) : prefix + kind + entity;
    }

    /** @return the epoch of every node's resume tokens */
    String epoch() {
        return prefix + "repoch";
    }

    /**
     * @param key an application's cache key
     * @return the Redis key holding it, in a slot of its own on a Redis Cluster
     */
    String cache(String key) {
        return own("cache:", key);
    }
}
