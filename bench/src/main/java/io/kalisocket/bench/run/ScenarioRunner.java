package io.kalisocket.bench.run;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.BenchRedis;
import io.kalisocket.bench.scenario.Scenario;
import io.kalisocket.bench.scenario.Scenarios;
import io.kalisocket.bench.scenario.Setup;
import io.kalisocket.bench.scenario.Subject;
import io.kalisocket.bench.server.ServerKind;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Runs one scenario against the baseline, the KaliSocket app (default dispatch and, where it
 * applies, {@code @Inline}) and an optional {@code --target}, each server in its own JVM, back
 * to back, {@code --runs} times; prints progress to {@code log} and the table to {@code out}.
 * A scenario with {@linkplain Scenario#setups setups} is run against those instead.
 */
public final class ScenarioRunner {

    private final BenchOptions options;
    private final PrintStream out;
    private final PrintStream log;

    /**
     * A runner for one command line.
     *
     * @param options the parsed command line
     * @param out     where the table goes
     * @param log     where progress goes
     */
    public ScenarioRunner(BenchOptions options, PrintStream out, PrintStream log) {
        this.options = options;
        this.out = out;
        this.log = log;
    }

    private record Variant(String name, Optional<ServerKind> kind, String action, Optional<URI> external) {
    }

    /**
     * Runs the scenario and prints the table.
     *
     * @return the table, for callers that check figures
     * @throws Exception if pinning fails
     */
    public ResultTable run() throws Exception {
        // Scenarios with setups (cluster, recovery) start their own KaliSocket nodes and, when one of
        // them needs Redis and --redis was not given, one redis-server for the whole run.
        Scenario scenario = Scenarios.of(options.scenario());
        Pinning pinning = Pinning.decide(options.pin());
        int cores = Runtime.getRuntime().availableProcessors();
        pinning.pinThisProcess();
        Path java = java();
        List<String> prefix = new ArrayList<>();
        scenario.serverFdLimit(options).ifPresent(n -> prefix.addAll(List.of("prlimit", "--nofile=" + n + ":" + n, "--")));
        prefix.addAll(pinning.serverPrefix());
        List<Setup> setups = scenario.setups(options);
        boolean needsRedis = setups.stream().anyMatch(Setup::redis);
        BenchRedis redisOption = options.redis();
        try (OwnRedis own = !needsRedis || redisOption.given().isPresent() ? null
                : redisOption.localCluster() ? RedisClusterProcess.start(pinning.serverPrefix())
                : RedisProcess.start(pinning.serverPrefix())) {
            Optional<OwnRedis> ownRedis = Optional.ofNullable(own); // null: none needed, or --redis URI given
            Optional<URI> redis = redisOption.given().or(() -> ownRedis.map(OwnRedis::uri));
            String redisNote = !needsRedis ? "" : ownRedis.isPresent()
                    ? "; Redis: the bench's own " + (redisOption.localCluster() ? "Redis Cluster (3 primaries)"
                            : "redis-server") + " at " + redis.get() + ", pinned with the servers, CPU counted"
                    : "; Redis: --redis " + redis.get() + " (not pinned, its CPU not counted)";
            String jitQuiet = options.jitQuiet().isZero() ? ""
                    : " then until the JIT is quiet (at most " + options.jitQuiet().toSeconds() + " s more)";
            out.printf("## %s%n%n%s, %d cores, load on JDK %s, servers on %s; %s%s; warm-up %d ms%s, measured %d ms "
                            + "per server, %d run(s), medians; load average before: %s%n%n", scenario.name(), Instant.now(),
                    cores, Runtime.version(), java, pinning.reason(), redisNote, options.warmup().toMillis(), jitQuiet,
                    options.duration().toMillis(), options.runs(), loadAverage());
            ResultTable table = setups.isEmpty() ? runVariants(scenario, java, prefix)
                    : runSetups(scenario, setups, redis, ownRedis, java, prefix);
            out.println(table.render());
            out.printf("%nload average after: %s%n", loadAverage());
            out.flush();
            return table;
        }
    }

    private ResultTable runSetups(Scenario scenario, List<Setup> setups, Optional<URI> redis,
                                  Optional<OwnRedis> ownRedis, Path java, List<String> prefix) {
        ResultTable table = new ResultTable();
        List<Long> redisPids = ownRedis.map(OwnRedis::pids).orElse(List.of());
        for (int run = 1; run <= options.runs(); run++) {
            for (Setup setup : setups) {
                log.printf("[bench] %s run %d/%d: %s%n", scenario.name(), run, options.runs(), setup.name());
                try (NodeSet nodes = new NodeSet(setup, redis, redisPids, java, prefix, jvmArgs(scenario))) {
                    record(table, setup.name(), () -> scenario.measure(nodes.subject(), options));
                } catch (Exception e) {
                    failed(table, setup.name(), e);
                }
            }
        }
        return table;
    }

    private ResultTable runVariants(Scenario scenario, Path java, List<String> prefix) {
        ResultTable table = new ResultTable();
        List<Variant> variants = variants(scenario);
        for (int run = 1; run <= options.runs(); run++) {
            for (Variant v : variants) {
                log.printf("[bench] %s run %d/%d: %s%n", scenario.name(), run, options.runs(), v.name());
                measure(scenario, v, java, prefix, table);
            }
        }
        return table;
    }

    private interface Measurement {
        LinkedHashMap<String, Double> run() throws Exception;
    }

    private void record(ResultTable table, String name, Measurement measurement) {
        try {
            LinkedHashMap<String, Double> figures = measurement.run();
            table.add(name, figures);
            log.printf("[bench]   %s%n", figures);
        } catch (Exception e) {
            failed(table, name, e);
        }
    }

    private void failed(ResultTable table, String name, Exception e) {
        log.printf("[bench]   %s failed: %s%n", name, e);
        table.fail(name, String.valueOf(e.getMessage()));
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    private void measure(Scenario scenario, Variant v, Path java, List<String> prefix, ResultTable table) {
        Optional<ServerProcess> process = Optional.empty();
        try {
            if (v.kind().isPresent()) {
                process = Optional.of(ServerProcess.start(v.kind().get(), java, prefix, jvmArgs(scenario)));
            }
            URI uri = process.isPresent() ? URI.create("ws://127.0.0.1:" + process.get().port() + "/")
                    : v.external().orElseThrow();
            Subject subject = process.isPresent() ? new Subject(v.name(), uri, v.action(), process)
                    : Subject.target(uri, v.action(), options.targetPid());
            record(table, v.name(), () -> scenario.measure(subject, options));
        } catch (Exception e) {
            failed(table, v.name(), e);
        } finally {
            process.ifPresent(ServerProcess::close);
        }
    }

    private List<Variant> variants(Scenario scenario) {
        List<Variant> list = new ArrayList<>();
        list.add(new Variant("baseline", Optional.of(ServerKind.BASELINE), "say", Optional.empty()));
        if (options.includes("kali")) {
            list.add(new Variant("kali", Optional.of(ServerKind.KALI), "say", Optional.empty()));
        }
        if (scenario.measuresInline() && options.includes("kali-inline")) {
            list.add(new Variant("kali-inline", Optional.of(ServerKind.KALI), "fast", Optional.empty()));
        }
        options.target().ifPresent(t -> list.add(new Variant("target", Optional.empty(), "say", Optional.of(t))));
        return list;
    }

    private List<String> jvmArgs(Scenario scenario) {
        List<String> args = new ArrayList<>(scenario.serverJvmArgs());
        args.addAll(options.jvmArgs());
        return args;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            String psi = Files.exists(Path.of("/proc/pressure/cpu"))
                    ? Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0) : "none";
            return f[0] + " " + f[1] + " " + f[2] + " (cpu pressure: " + psi + ")";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private Path java() {
        Path p = options.jdk().orElse(Path.of(System.getProperty("java.home")));
        return Files.isDirectory(p) ? p.resolve("bin").resolve("java") : p;
    }
}
