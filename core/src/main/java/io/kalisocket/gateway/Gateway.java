package io.kalisocket.gateway;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every operation of GatewayWorker's {@code Gateway} class: send to clients, users, groups and everyone;
 * bind users to connections; group connections; read and write their sessions.
 *
 * <p>A message is a {@link CharSequence} (sent as it is) or any object (encoded as JSON once, whatever
 * the number of recipients). Send methods return how many connections the message was handed to.
 * Ids are client ids ({@link io.kalisocket.connection.Connection#id()}); uids and group names are 1-64
 * characters. The single-node implementation answers from memory; the cluster's answers the same for the
 * whole cluster, so nothing written against this interface assumes one JVM.
 *
 * <p>A closed connection leaves every group (an empty group disappears) and is unbound from its uid once
 * its close action ({@code offline} of the connect actions) has run; one uid may have many connections and
 * stays online until the last one closes. Every method is safe to call from any thread.
 *
 * <p>The method names mirror GatewayWorker's {@code GatewayWorker\Lib\Gateway} class on purpose, and
 * are kept even where Java style would choose others ({@code get} prefixes, {@code ...List} suffixes):
 * {@code sendToClient}, {@code sendToUid}, {@code sendToGroup}, {@code sendToAll}, {@code isOnline},
 * {@code closeClient}, {@code bindUid}, {@code unbindUid}, {@code isUidOnline}, {@code getClientIdByUid},
 * {@code getUidByClientId}, {@code getAllClientIdList}, {@code getAllUidList}, {@code joinGroup},
 * {@code leaveGroup}, {@code ungroup}, {@code getClientIdListByGroup}, {@code getUidListByGroup},
 * {@code getAllGroupIdList}, {@code setSession}, {@code updateSession}, {@code getSession} and the others
 * here are the names a user porting from GatewayWorker looks for. Only the PHP arrays became Java types
 * ({@link List}, {@link Set}, {@link Map}, {@link Optional}); the plural forms ({@code sendToUids},
 * {@code sendToGroups}) stand for GatewayWorker's array arguments.
 */
public interface Gateway {

    /** The longest uid or group name: 64 characters (code points, so an emoji is one). */
    int MAX_NAME = 64;

    /**
     * The one check of a uid or group name, for every implementation (local, and the cluster's before it writes).
     *
     * @param name a uid or group name
     * @param what {@code uid} or {@code group}, for the message
     * @throws IllegalArgumentException unless 1-{@value #MAX_NAME} characters (code points: an emoji is one)
     */
    static void checkName(String name, String what) {
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_NAME + " characters");
        }
    }

    // ---- send ----

    /** @param clientId the target @param message the message @return 1 when handed over, else 0 */
    int sendToClient(String clientId, Object message);

    /** @param clientIds the targets @param message the message @return connections handed the message */
    int sendToClients(Collection<String> clientIds, Object message);

    /** @param uid the user @param message the message @return connections of the user handed the message */
    int sendToUid(String uid, Object message);

    /** @param uids the users @param message the message @return connections handed the message */
    int sendToUids(Collection<String> uids, Object message);

    /**
     * @param group the group
     * @param message the message
     * @param excludeClientIds connections that must not get it (e.g. the sender)
     * @return connections handed the message
     */
    int sendToGroup(String group, Object message, String... excludeClientIds);

    /**
     * @param groups the groups; a connection in several of them gets the message once
     * @param message the message
     * @param excludeClientIds connections that must not get it
     * @return connections handed the message
     */
    int sendToGroups(Collection<String> groups, Object message, String... excludeClientIds);

    /** @param message the message @param excludeClientIds connections that must not get it @return connections handed the message */
    int sendToAll(Object message, String... excludeClientIds);

    // ---- connections ----

    /** @param clientId a client id @return true when that connection is open */
    boolean isOnline(String clientId);

    /** @param clientId the connection to close (normal closure, 1000) */
    void closeClient(String clientId);

    /** @param clientId the connection @param message sent just before closing */
    void closeClient(String clientId, Object message);

    /** @return the ids of every open connection */
    List<String> getAllClientIdList();

    /** @return the number of open connections */
    int getAllClientIdCount();

    /** @return every open connection's session, by client id */
    Map<String, Map<String, Object>> getAllClientSessions();

    // ---- users ----

    /** @param clientId the connection @param uid the user it now belongs to (a connection has at most one) */
    void bindUid(String clientId, String uid);

    /** @param clientId the connection @param uid the user it no longer belongs to */
    void unbindUid(String clientId, String uid);

    /** @param uid a user @return true when the user has an open connection */
    boolean isUidOnline(String uid);

    /** @param uid a user @return the ids of all the user's open connections */
    List<String> getClientIdByUid(String uid);

    /** @param clientId a connection @return its user, if bound */
    Optional<String> getUidByClientId(String clientId);

    /** @return every user with an open connection */
    Set<String> getAllUidList();

    /** @return the number of users with an open connection */
    int getAllUidCount();

    // ---- groups ----

    /** @param clientId the connection @param group the group it joins (created when new) */
    void joinGroup(String clientId, String group);

    /** @param clientId the connection @param group the group it leaves (removed when it empties) */
    void leaveGroup(String clientId, String group);

    /** @param group the group to dissolve: every member leaves it */
    void ungroup(String group);

    /** @param group the group @return its members' client ids */
    List<String> getClientIdListByGroup(String group);

    /** @param group the group @return its number of member connections */
    int getClientIdCountByGroup(String group);

    /** @param group the group @return its members' sessions, by client id */
    Map<String, Map<String, Object>> getClientSessionsByGroup(String group);

    /** @param group the group @return the distinct users bound to its members */
    Set<String> getUidListByGroup(String group);

    /** @param group the group @return the number of distinct users bound to its members */
    default int getUidCountByGroup(String group) {
        return getUidListByGroup(group).size();
    }

    /** @return the names of every non-empty group */
    Set<String> getAllGroupIdList();

    /** @return for every group, its members' client ids */
    Map<String, List<String>> getAllGroupClientIdList();

    /** @return for every group, its number of member connections */
    Map<String, Integer> getAllGroupClientIdCount();

    /** @return for every group, the distinct users bound to its members */
    Map<String, Set<String>> getAllGroupUidList();

    /** @return for every group, the number of distinct users bound to its members */
    default Map<String, Integer> getAllGroupUidCount() {
        Map<String, Integer> all = new TreeMap<>();
        getAllGroupUidList().forEach((group, uids) -> all.put(group, uids.size()));
        return all;
    }

    // ---- sessions ----

    /** @param clientId the connection @param session replaces its whole session */
    void setSession(String clientId, Map<String, ?> session);

    /** @param clientId the connection @param entries merged into its session (null values remove keys) */
    void updateSession(String clientId, Map<String, ?> entries);

    /** @param clientId the connection @return its session, if the connection is open */
    Optional<Map<String, Object>> getSession(String clientId);
}
