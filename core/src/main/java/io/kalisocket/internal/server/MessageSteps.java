package io.kalisocket.internal.server;

import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.protocol.EnvelopeParser;
import io.kalisocket.internal.protocol.ReceiptTracker;
import io.kalisocket.internal.stats.ServerStats;

/**
 * The steps of {@link MessageHandler}, made once per server and shared by every connection's reader, which keeps only
 * its connection's own state: an idle connection pays for one reference, not one per step.
 *
 * @param heartbeat answers {@code ~H#C~}
 * @param gate drops frames of a closing connection and counts the rest
 * @param parser reads a text frame as a call
 * @param budget the message rate limit each connection's budget follows
 * @param rateLimit answers frames over a connection's budget
 * @param dispatcher routes, binds and runs calls, and replies
 * @param receipts the receipts' window, asked when a call's turn comes
 * @param tasks where answers and actions run in the connection's order
 * @param stats counts receipts and dedup hits
 * @param maxWaitingOnLoop inline calls of one connection waiting on the event loop at which its reading pauses
 */
record MessageSteps(Heartbeat heartbeat, InboundGate gate, EnvelopeParser parser, TokenBucket budget,
        RateLimit rateLimit,
        ActionDispatcher dispatcher, ReceiptTracker receipts, ConnectionTasks tasks, ServerStats stats,
        int maxWaitingOnLoop) {
}
