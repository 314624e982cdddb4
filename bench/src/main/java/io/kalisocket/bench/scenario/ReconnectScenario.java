package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.FrameListener;
import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.load.Messages;
import io.kalisocket.bench.load.ReconnectClient;
import io.kalisocket.bench.load.ReconnectTally;
import io.kalisocket.bench.run.ServerProcess;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code reconnect} (issue 9's figure): N clients spread over the nodes join one room, all drop at once
 * (TCP closed without a close frame), the room gets M pushes meanwhile, then all return at once to their
 * own node. With recovery each must get {@code recovered:true} and the M pushes in order; the fresh
 * reference reconnects without recovery and rejoins the room (and misses the pushes).
 */
public final class ReconnectScenario implements Scenario {

    /** Default number of clients. */
    public static final int CONNECTIONS = 10_000;

    /** Default number of pushes the clients miss. */
    public static final int MESSAGES = 5;

    private static final String FRESH = "fresh";
    private static final String RECOVER = "recover";
    private static final Duration OPEN_DEADLINE = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "reconnect";
    }

    @Override
    public List<Setup> setups(BenchOptions options) {
        return List.of(new Setup("fresh 1 node", 1, false, true, FRESH),
                new Setup("recover 1 node", 1, false, true, RECOVER),
                new Setup("recover 2 nodes redis", 2, true, true, RECOVER));
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        int n = options.connectionsOr(CONNECTIONS);
        int m = options.messagesOr(MESSAGES);
        boolean recover = subject.action().equals(RECOVER);
        int nodes = subject.nodes().size();
        ReconnectTally tally = new ReconnectTally();
        List<ReconnectClient> clients = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            clients.add(new ReconnectClient(recover, recover ? m : 0, tally));
        }
        List<LoadClient> loads = new ArrayList<>();
        List<Channel> open = new ArrayList<>();
        try {
            for (Subject.Node node : subject.nodes()) {
                loads.add(new LoadClient(node.uri(), 1, Duration.ofSeconds(30)));
            }
            for (int k = 0; k < nodes; k++) {
                List<ReconnectClient> mine = onNode(clients, k, nodes);
                Subject.Node node = subject.nodes().get(k);
                open.addAll(loads.get(k).openAll(mine.size(), mine::get, i -> mine.get(i).firstUri(node.uri()), OPEN_DEADLINE));
            }
            Connections.requireAll(open, n);
            waitUntil(() -> tally.joinedCount() >= n, WAIT, "every client to join the room");
            LoadClient.dropAll(open, Duration.ofSeconds(30));
            open.clear();
            for (ServerProcess p : subject.processes()) {
                waitUntil(() -> p.openSockets() == 0, WAIT, "the server to notice the drops");
            }
            push(loads.get(0), m);
            LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
            figures.put("live heap MiB while away (lower is better)", heapAfterGc(subject) / 1048576.0);
            for (ServerProcess p : subject.processes()) {
                p.peakHeap(); // starts a new peak: the return's
            }
            clients.forEach(ReconnectClient::returning);
            CpuWindow cpu = new CpuWindow(subject);
            long t0 = System.nanoTime();
            for (int k = 0; k < nodes; k++) {
                List<ReconnectClient> mine = onNode(clients, k, nodes);
                Subject.Node node = subject.nodes().get(k);
                open.addAll(loads.get(k).openAll(mine.size(), mine::get, i -> mine.get(i).returnUri(node.uri()), OPEN_DEADLINE));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (tally.backCount() + tally.failedCount() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            double secs = tally.lastBackNanos() > t0 ? (tally.lastBackNanos() - t0) / 1e9 : Double.NaN;
            long peak = 0;
            for (ServerProcess p : subject.processes()) {
                peak += p.peakHeap();
            }
            figures.put("time until all back s (lower is better)", secs);
            figures.put("returns/s", tally.backCount() / secs);
            figures.put("clients not back (lower is better)", (double) (n - tally.backCount()));
            figures.put("missed pushes received in order", (double) tally.missedDeliveredCount());
            figures.put("server peak heap MiB during the return (lower is better)", peak / 1048576.0);
            cpu.end(figures, tally.backCount(), "returns");
            figures.put("live heap MiB after the return (lower is better)", heapAfterGc(subject) / 1048576.0);
            return figures;
        } finally {
            LoadClient.closeAll(open, Duration.ofSeconds(30));
            loads.forEach(LoadClient::close);
        }
    }

    /** Client {@code i} is on node {@code i % nodes}. */
    private static List<ReconnectClient> onNode(List<ReconnectClient> clients, int node, int nodes) {
        List<ReconnectClient> mine = new ArrayList<>();
        for (int i = node; i < clients.size(); i += nodes) {
            mine.add(clients.get(i));
        }
        return mine;
    }

    /** Pushes {@code m} messages to the room from a connection of its own, and waits for their replies. */
    private static void push(LoadClient load, int m) throws Exception {
        LongAdder replies = new LongAdder();
        FrameListener pusher = new FrameListener() {
            @Override
            public void onText(Channel channel, ByteBuf text) {
                if (Messages.isOk(text)) {
                    replies.increment();
                }
            }
        };
        Channel ch = load.open(pusher).sync().channel();
        for (int k = 1; k <= m; k++) {
            ch.writeAndFlush(new TextWebSocketFrame("{\"ct\":\"group\",\"ac\":\"send\",\"group\":\"" + ReconnectClient.ROOM
                    + "\",\"data\":{\"type\":\"missed\",\"n\":" + k + "}}"));
        }
        try {
            waitUntil(() -> replies.sum() >= m, WAIT, "the replies to the pushes");
        } finally {
            LoadClient.closeAll(List.of(ch), Duration.ofSeconds(5));
        }
    }

    private static long heapAfterGc(Subject subject) throws IOException, InterruptedException {
        long sum = 0;
        for (ServerProcess p : subject.processes()) {
            sum += p.heapAfterGc();
        }
        return sum;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition, Duration timeout, String what) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
