package io.kalisocket.bench;

import io.kalisocket.bench.scenario.SoakScenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a scenario run. A value of 0 (or an empty list) means "the scenario's
 * own default", which {@code --help} lists.
 *
 * @param scenario    scenario name
 * @param connections {@code --connections}: connections (or concurrent handshakers); 0 = scenario default
 * @param duration    {@code --duration}: measured seconds per server; default 10 s ({@code soak}: 10 minutes)
 * @param warmup      {@code --warmup}: warm-up before each measurement; default 2 s
 * @param rates       {@code --rate}: total msg/s for {@code latency} (repeatable); default 10000 and 20000;
 *                    {@code soak}: churn connections per second, default 50
 * @param window      {@code --window}: requests in flight per connection for {@code echo}, broadcasts not yet
 *                    delivered to every member for {@code broadcast} and {@code cluster-fanout} (16 both); 0 = the
 *                    scenario's default
 * @param messages    {@code --messages}: broadcasts the sender pushes at most (default 2000), pushes missed in
 *                    {@code reconnect} (default 5); 0 = the scenario default
 * @param fdLimit     {@code --fd-limit}: the server's fd limit in {@code overload}; default 1024
 * @param runs        {@code --runs}: repeats of the whole table, medians reported; default 1
 * @param servers     {@code --servers}: which servers to run, e.g. {@code baseline,kali}; empty = all
 * @param target      {@code --target}: an external loopback server measured beside the baseline
 * @param targetPid   {@code --target-pid}: that server's process, so its CPU is counted (per server cpu-s figures)
 * @param jdk         {@code --jdk}: the JDK home (or java binary) that runs the servers; default this JVM's
 * @param jvmArgs     {@code --jvm-arg}: extra options for the server JVMs (repeatable), e.g. a JFR recording
 * @param pin         false with {@code --no-pin}: do not pin server and load to separate cores
 * @param redis       {@code --redis}: the Redis of the cluster scenarios ({@link BenchRedis}); default: the bench
 *                    starts its own {@code redis-server} on a free loopback port
 * @param jitQuiet    {@code --jit-quiet}: after {@code --warmup}, warm up on until the JIT compilers of the
 *                    servers and of this load generator are quiet, for at most this long more; default 0 (off)
 */
public record BenchOptions(String scenario, int connections, Duration duration, Duration warmup, List<Integer> rates,
                           int window, int messages, int fdLimit, int runs, List<String> servers,
                           Optional<URI> target, Optional<Long> targetPid, Optional<Path> jdk, List<String> jvmArgs,
                           boolean pin, BenchRedis redis, Duration jitQuiet) {

    /** Validates and copies. */
    public BenchOptions {
        if (duration.isNegative() || duration.isZero() || duration.toSeconds() > 600) {
            throw new IllegalArgumentException("--duration must be 1..600 s");
        }
        if (warmup.isNegative() || warmup.toSeconds() > 120) {
            throw new IllegalArgumentException("--warmup must be 0..120 s");
        }
        if (jitQuiet.isNegative() || jitQuiet.toSeconds() > 300) {
            throw new IllegalArgumentException("--jit-quiet must be 0..300 s");
        }
        if (connections < 0 || connections > 19_000) {
            throw new IllegalArgumentException("--connections must be 1..19000 (fd limit 20000 per process)");
        }
        if (runs < 1 || runs > 9 || window < 0 || window > 1024 || messages < 0 || fdLimit < 64) {
            throw new IllegalArgumentException("--runs 1..9, --window 1..1024, --messages >= 1, --fd-limit >= 64");
        }
        rates = List.copyOf(rates);
        servers = List.copyOf(servers);
        jvmArgs = List.copyOf(jvmArgs);
        target.ifPresent(Loopback::require);
        if (targetPid.isPresent() && target.isEmpty()) {
            throw new IllegalArgumentException("--target-pid needs --target");
        }
    }

    /**
     * The connection count, or the scenario's default when none was given.
     *
     * @param scenarioDefault the scenario's default
     * @return the count to use
     */
    public int connectionsOr(int scenarioDefault) {
        return connections > 0 ? connections : scenarioDefault;
    }

    /**
     * The message count, or the scenario's default when none was given.
     *
     * @param scenarioDefault the scenario's default
     * @return the count to use
     */
    public int messagesOr(int scenarioDefault) {
        return messages > 0 ? messages : scenarioDefault;
    }

    /**
     * The window, or the scenario's default when none was given.
     *
     * @param scenarioDefault the scenario's own
     * @return the window to use
     */
    public int windowOr(int scenarioDefault) {
        return window > 0 ? window : scenarioDefault;
    }

    /**
     * Whether a server variant is to run.
     *
     * @param name variant name such as {@code baseline} or {@code kali-inline}
     * @return true when {@code --servers} was not given or names it
     */
    public boolean includes(String name) {
        return servers.isEmpty() || servers.contains(name) || name.equals("baseline") || name.equals("target");
    }

    /**
     * Parses a command line whose first word is the scenario.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException on an unknown flag or a bad value
     */
    public static BenchOptions parse(String... args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("first argument must be a scenario");
        }
        int connections = 0;
        int window = 0;
        int messages = 0;
        int fdLimit = 1024;
        int runs = 1;
        Duration duration = args[0].equals("soak") ? SoakScenario.DURATION : Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(2);
        Duration jitQuiet = Duration.ZERO;
        List<Integer> rates = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        Optional<URI> target = Optional.empty();
        Optional<Long> targetPid = Optional.empty();
        BenchRedis redis = BenchRedis.own();
        Optional<Path> jdk = Optional.empty();
        List<String> jvmArgs = new ArrayList<>();
        boolean pin = true;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--no-pin")) {
                pin = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String v = args[++i];
            switch (flag) {
                case "--connections" -> connections = Integer.parseInt(v);
                case "--duration" -> duration = seconds(v);
                case "--warmup" -> warmup = seconds(v);
                case "--jit-quiet" -> jitQuiet = seconds(v);
                case "--rate" -> {
                    for (String r : v.split(",")) {
                        rates.add(Integer.parseInt(r.trim()));
                    }
                }
                case "--window" -> {
                    window = Integer.parseInt(v);
                    if (window < 1) {
                        throw new IllegalArgumentException("--window 1..1024");
                    }
                }
                case "--messages" -> messages = Integer.parseInt(v);
                case "--fd-limit" -> fdLimit = Integer.parseInt(v);
                case "--runs" -> runs = Integer.parseInt(v);
                case "--servers" -> servers.addAll(List.of(v.split(",")));
                case "--target" -> target = Optional.of(URI.create(v));
                case "--target-pid" -> targetPid = Optional.of(Long.parseLong(v));
                case "--redis" -> redis = BenchRedis.parse(v);
                case "--jdk" -> jdk = Optional.of(Path.of(v));
                case "--jvm-arg" -> jvmArgs.add(v);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (rates.isEmpty()) {
            // cross-node sends cost a Redis round trip each: cluster-uid's defaults are lower than latency's
            rates = switch (args[0]) {
                case "cluster-uid" -> List.of(2_000, 5_000);
                case "soak" -> List.of(SoakScenario.RATE); // churn connections per second
                case "handshake" -> List.of(); // closed loops unless --rate asks for a fixed rate
                default -> List.of(10_000, 20_000);
            };
        }
        if (rates.stream().anyMatch(r -> r < 1 || r > 1_000_000)) {
            throw new IllegalArgumentException("--rate must be 1..1000000 msg/s");
        }
        return new BenchOptions(args[0], connections, duration, warmup, rates, window, messages, fdLimit, runs,
                servers, target, targetPid, jdk, jvmArgs, pin, redis, jitQuiet);
    }

    private static Duration seconds(String v) {
        return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    }

    /**
     * The {@code --help} text.
     *
     * @return usage, scenarios and flags
     */
    public static String help() {
        return """
                usage: java -jar kalisocket-bench.jar SCENARIO [flags]
                       java -jar kalisocket-bench.jar server baseline|kali [--port P] [--redis URI --node-id ID
                           --key-prefix P] [--recovery]                                   (used by the runner)
                       taskset -c 0 java -jar kalisocket-bench.jar jitter [--duration S]
                           this machine's scheduling jitter on one core, the floor of any latency figure
                       taskset -c 0 java -jar kalisocket-bench.jar handoff [--duration S]
                           a hand-off to another thread and back on one core (park/unpark; two Netty
                           event loops) -> wall and CPU us per round trip, the floor of default dispatch
                       java -jar kalisocket-bench.jar crowd --target ws://127.0.0.1:PORT/ --pid PID
                           [--connections N] [--expect TEXT]
                           N clients (default 10000) connect at once to a running app (the demo), each waits for
                           its welcome (a text frame containing TEXT, default "type":"welcome") -> time until all
                           welcomed, the app's heap after full GC (jcmd), RSS, both sides' CPU
                       java -jar kalisocket-bench.jar handshake-pairs --a ws://127.0.0.1:P/ --a-pid PID
                           --b ws://127.0.0.1:Q/ --b-pid PID [--rate R] [--pairs N] [--window MS] [--warmup S]
                           two running servers take turns at R handshakes/s (4000) in windows of MS (2000),
                           N pairs (20) after S s of warm-up each (15) -> each one's CPU per 1k handshakes
                           per window, the median of B's to A's (the machine's slow phases hit both alike)
                       java -jar kalisocket-bench.jar message-pairs --a ws://127.0.0.1:P/ --a-pid PID
                           --b ws://127.0.0.1:Q/ --b-pid PID [--a-action say|fast] [--b-action say|fast]
                           [--connections N] [--rate R] [--pairs N] [--window MS] [--warmup S]
                           the same for echo calls: R calls/s (10000) over N connections (100), each server
                           called with its action (say: default dispatch, fast: @Inline; bare Netty answers
                           either) -> each one's CPU per 1k code:0 replies per window, the median of B's to A's

                scenarios (each server in its own JVM; table shows each figure and its ratio to the baseline):
                  echo       N connections, each with a window of requests in flight -> replies/s   (N=100)
                  flood      N connections pipelining without a window -> code:0 replies/s, 503 and 429
                             shares of all replies, server RSS growth, live heap under the flood (N=100)
                  latency    fixed total rate over N connections -> p50/p99/p99.9/max, corrected for
                             coordinated omission (latency counted from the intended send time)     (N=100)
                  idle       N idle connections -> live heap and RSS per connection after full GC  (N=10000)
                  broadcast  N members in one group, one sender pushing --messages -> deliveries/s (N=10000)
                  handshake  N concurrent connect+upgrade+close loops -> handshakes/s               (N=32)
                             with --rate R: R handshakes/s started on a clock (at most N in flight), the
                             same load for every server -> server cpu ms per 1k handshakes at that rate
                  overload   server started with --fd-limit; open limit+N connections -> refuses cleanly,
                             keeps serving, accepts again after they close (yes/no, timings)       (N=256)

                scenarios with their own columns (KaliSocket nodes only, ratios to the first column; nodes on
                cpu 0 with Redis, load on cpu 1; Redis: the bench's own redis-server on a free loopback port,
                its own Redis Cluster with --redis local-cluster, or --redis URI):
                  cluster-uid     sendToUid at fixed rates (--rate, default 2000,5000): 10 senders on node A call
                                  uid/send, N receivers bound to uids on node B -> p50/p99/p99.9/max, corrected
                                  for coordinated omission; columns: 1 node local gateway, 1 node Redis
                                  gateway (senders and receivers on it), 2 nodes Redis; the rates run in
                                  turn on the same nodes: give --warmup 8 to let the JIT finish (N=100)
                  cluster-fanout  N members of one group spread over the nodes, one sender on node A pushing
                                  --messages (default 2000) -> deliveries/s and per server cpu-s; columns
                                  as cluster-uid                                                (N=10000)
                  reconnect       N clients with ?recover=1 in one room drop at once (TCP closed, no close
                                  frame), the room gets --messages pushes (default 5), all come back at once
                                  with ?resume= -> time until all recovered (recovered:true and every missed
                                  push in order), how many were not, server peak heap; columns: fresh
                                  reconnect without recovery (reference), recovery on 1 node, on 2 nodes
                                  with Redis (each client back to its own node)                 (N=10000)
                  soak            N steady connections plus churn at --rate connections/s (default 50), each
                                  connect, uid bind, group join, say, close (every fifth drops its TCP
                                  connection), for --duration (default 600 s); server with Netty's leak
                                  detector at paranoid -> heap after full GC at 10 points, connections,
                                  client ids, uids and groups left after all closed, LEAK: reports (N=100)

                flags:
                  --connections N   see each scenario (max 19000)
                  --duration S      measured seconds per server (default 10)
                  --warmup S        warm-up seconds before each measurement (default 2)
                  --jit-quiet S     then warm up on until the JIT compilers (servers' and the load's) spend
                                    under 2 % of a core, at most S more seconds (default 0: off); on one
                                    core the JIT can take 40 % of it long after a short warm-up
                  --rate R[,R..]    total msg/s for latency, repeatable (default 10000,20000; cluster-uid 2000,5000)
                  --window W        requests in flight per connection for echo; broadcasts not yet
                    delivered to every member for broadcast, cluster-fanout (default 16)
                  --messages K      broadcasts pushed at most (default 2000; reconnect: pushes missed, 5)
                  --fd-limit F      server fd limit for overload (default 1024)
                  --runs R          repeat R times, report medians (default 1)
                  --servers LIST    subset of baseline,kali,kali-inline (baseline always runs)
                  --target URL      also measure an external server at ws://127.0.0.1:PORT/ (loopback only)
                  --target-pid PID  that server's process: its CPU is counted (server cpu %, per server cpu-s)
                  --redis URI       Redis for the cluster scenarios (loopback hosts only): redis://H:P, a
                                    Redis Cluster redis-cluster://H:P[,H:P..], a Sentinel set
                                    redis-sentinel://H:P[,H:P..]/MASTER; default: the bench starts its own
                                    redis-server (from the PATH) on a free loopback port, stopped at the end
                  --redis local-cluster  the bench starts its own Redis Cluster: 3 primaries, no replicas
                                    (redis-server --cluster-enabled, redis-cli --cluster create), pinned
                                    with the servers, CPU of all three counted, stopped at the end
                  --jdk PATH        JDK home or java binary for the server processes (default: this JVM)
                  --jvm-arg ARG     extra server JVM option, repeatable (e.g. -XX:StartFlightRecording=...)
                  --no-pin          do not pin (default: server on cpu 0, load on cpu 1 when 2+ cores)
                  --help            this text
                """;
    }
}
