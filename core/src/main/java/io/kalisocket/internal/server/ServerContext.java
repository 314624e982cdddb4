package io.kalisocket.internal.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.internal.connection.ClientIdGenerator;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.internal.connection.MessageEncoder;
import io.kalisocket.internal.gateway.LocalGateway;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.protocol.ReceiptTracker;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.kalisocket.internal.stats.ServerStats;
import java.util.concurrent.ExecutorService;

/**
 * Everything the pipeline's handlers share, made once per server.
 *
 * @param config the configuration
 * @param mapper JSON for the wire
 * @param encoder encodes outbound messages
 * @param stats the counters
 * @param connections the open connections
 * @param localGateway the single-node gateway (forgets closed connections)
 * @param dispatcher routes and runs calls
 * @param receipts the dedup window
 * @param executor where actions and callbacks run
 * @param clientIds makes client ids
 * @param callbacks the application's callbacks
 * @param staticFiles serves plain GETs
 * @param finisher ends connections for good (close actions)
 * @param recovery connection recovery, or {@link RecoveryHook#off()}
 */
record ServerContext(
        KaliConfig config,
        ObjectMapper mapper,
        MessageEncoder encoder,
        ServerStats stats,
        ConnectionRegistry connections,
        LocalGateway localGateway,
        ActionDispatcher dispatcher,
        ReceiptTracker receipts,
        ExecutorService executor,
        ClientIdGenerator clientIds,
        Callbacks callbacks,
        StaticFiles staticFiles,
        ConnectionFinisher finisher,
        RecoveryHook recovery) {
}
