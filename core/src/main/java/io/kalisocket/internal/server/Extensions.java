package io.kalisocket.internal.server;

import io.kalisocket.KaliClock;
import io.kalisocket.cache.Cache;
import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.gateway.LocalGateway;
import io.kalisocket.internal.gateway.LocalNodeView;
import io.kalisocket.spi.LocalNode;
import io.kalisocket.spi.NodeExtension;
import io.kalisocket.spi.RecoveryStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The installed {@link NodeExtension}s, asked for each part; two extensions that replace one part are an error. */
public final class Extensions {

    private static final Logger log = LoggerFactory.getLogger(Extensions.class);

    private final List<NodeExtension> installed;
    private final KaliClock clock;

    /** @param installed the extensions, in the order they were installed @param clock the server's clock */
    public Extensions(List<NodeExtension> installed, KaliClock clock) {
        this.installed = List.copyOf(installed);
        this.clock = clock;
    }

    /**
     * @param local this node's local gateway
     * @param nodeId this node's id
     * @return the gateway an extension puts in front of the local one, or the local one; from now on every
     *     extension hears each connection's arrival on and departure from this node
     */
    public Gateway gateway(LocalGateway local, String nodeId) {
        LocalNode node = new LocalNodeView(nodeId, local, clock);
        if (!installed.isEmpty()) {
            local.listen(c -> tell("connectionOpened", c, NodeExtension::connectionOpened),
                    c -> tell("connectionClosed", c, NodeExtension::connectionClosed));
        }
        Gateway chosen = local;
        for (NodeExtension extension : installed) {
            Gateway offered = extension.gateway(node);
            if (offered != local) {
                if (chosen != local) {
                    throw new IllegalStateException("two extensions replace the gateway: " + names());
                }
                chosen = offered;
            }
        }
        return chosen;
    }

    /** @return the receipts' cache an extension brings, if any */
    public Optional<Cache> cache() {
        return single("cache", NodeExtension::cache);
    }

    /** @return the recovery store an extension brings, if any */
    public Optional<RecoveryStore> recoveryStore() {
        return single("recovery store", NodeExtension::recoveryStore);
    }

    private <T> Optional<T> single(String part, Function<NodeExtension, Optional<T>> ask) {
        Optional<T> chosen = Optional.empty();
        for (NodeExtension extension : installed) {
            Optional<T> offered = ask.apply(extension);
            if (offered.isPresent()) {
                if (chosen.isPresent()) {
                    throw new IllegalStateException("two extensions bring a " + part + ": " + names());
                }
                chosen = offered;
            }
        }
        return chosen;
    }

    private void tell(String hook, Connection connection, BiConsumer<NodeExtension, Connection> call) {
        for (NodeExtension extension : installed) {
            try {
                call.accept(extension, connection);
            } catch (RuntimeException e) {
                log.error("{} of {} failed for connection {}", hook, extension.getClass().getName(), connection.id(), e);
            }
        }
    }

    private String names() {
        return installed.stream().map(e -> e.getClass().getName()).toList().toString();
    }

    /**
     * @param own the sections the application registered
     * @return those and every extension's, by name
     * @throws IllegalStateException when two register the same name
     */
    public Map<String, Supplier<Object>> statusSections(Map<String, Supplier<Object>> own) {
        Map<String, Supplier<Object>> sections = new LinkedHashMap<>(own);
        installed.forEach(e -> e.statusSections().forEach((name, section) -> {
            if (sections.putIfAbsent(name, section) != null) {
                throw new IllegalStateException("status section '" + name + "' is registered twice");
            }
        }));
        return sections;
    }
}
