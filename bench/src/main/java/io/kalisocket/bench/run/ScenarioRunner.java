package io.kalisocket.bench.run;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.scenario.Scenario;
import io.kalisocket.bench.scenario.Scenarios;
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
        Scenario scenario = Scenarios.of(options.scenario());
        Pinning pinning = Pinning.decide(options.pin());
        int cores = Runtime.getRuntime().availableProcessors();
        pinning.pinThisProcess();
        Path java = java();
        List<String> prefix = new ArrayList<>();
        scenario.serverFdLimit(options).ifPresent(n -> prefix.addAll(List.of("prlimit", "--nofile=" + n + ":" + n, "--")));
        prefix.addAll(pinning.serverPrefix());
        out.printf("## %s%n%n%s, %d cores, load on JDK %s, servers on %s; %s; warm-up %d ms, measured %d ms per server, "
                        + "%d run(s), medians; load average before: %s%n%n", scenario.name(), Instant.now(), cores,
                Runtime.version(), java, pinning.reason(), options.warmup().toMillis(), options.duration().toMillis(),
                options.runs(), loadAverage());
        ResultTable table = new ResultTable();
        List<Variant> variants = variants(scenario);
        for (int run = 1; run <= options.runs(); run++) {
            for (Variant v : variants) {
                log.printf("[bench] %s run %d/%d: %s%n", scenario.name(), run, options.runs(), v.name());
                measure(scenario, v, java, prefix, table);
            }
        }
        out.println(table.render());
        out.printf("%nload average after: %s%n", loadAverage());
        out.flush();
        return table;
    }

    private void measure(Scenario scenario, Variant v, Path java, List<String> prefix, ResultTable table) {
        Optional<ServerProcess> process = Optional.empty();
        try {
            if (v.kind().isPresent()) {
                process = Optional.of(ServerProcess.start(v.kind().get(), java, prefix, options.jvmArgs()));
            }
            URI uri = process.isPresent() ? URI.create("ws://127.0.0.1:" + process.get().port() + "/")
                    : v.external().orElseThrow();
            LinkedHashMap<String, Double> figures = scenario.measure(new Subject(v.name(), uri, v.action(), process), options);
            table.add(v.name(), figures);
            log.printf("[bench]   %s%n", figures);
        } catch (Exception e) {
            log.printf("[bench]   %s failed: %s%n", v.name(), e);
            table.fail(v.name(), String.valueOf(e.getMessage()));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
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
