package io.kalisocket.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one scenario for each server over one or more runs, rendered as a Markdown
 * table: one row per figure, the median over runs for each server, and each server's ratio to
 * the baseline (the first server added).
 */
public final class ResultTable {

    private final Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    /**
     * Adds one run's figures for a server.
     *
     * @param server  column name
     * @param figures figures by name
     */
    public void add(String server, Map<String, Double> figures) {
        runs.computeIfAbsent(server, s -> new ArrayList<>()).add(new LinkedHashMap<>(figures));
    }

    /**
     * Records that a server's run failed.
     *
     * @param server column name
     * @param why    the reason, shown under the table
     */
    public void fail(String server, String why) {
        runs.computeIfAbsent(server, s -> new ArrayList<>());
        failures.merge(server, why, (a, b) -> a + "; " + b);
    }

    /**
     * The median of one figure for one server.
     *
     * @param server column name
     * @param figure figure name
     * @return the median of the runs that have a value for it, or NaN when none has
     */
    public double median(String server, String figure) {
        double[] v = runs.getOrDefault(server, List.of()).stream()
                .filter(m -> m.containsKey(figure) && !Double.isNaN(m.get(figure)))
                .mapToDouble(m -> m.get(figure)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /**
     * Renders the table.
     *
     * @return Markdown text
     */
    public String render() {
        List<String> servers = new ArrayList<>(runs.keySet());
        Set<String> figures = new LinkedHashSet<>();
        runs.values().forEach(list -> list.forEach(m -> figures.addAll(m.keySet())));
        StringBuilder sb = new StringBuilder("| figure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int i = 0; i < servers.size(); i++) {
            sb.append(' ').append(servers.get(i)).append(" |");
            rule.append("---:|");
            if (i > 0) {
                sb.append(" ratio |");
                rule.append("---:|");
            }
        }
        sb.append('\n').append(rule).append('\n');
        for (String figure : figures) {
            sb.append("| ").append(figure).append(" |");
            double base = median(servers.get(0), figure);
            for (int i = 0; i < servers.size(); i++) {
                double v = median(servers.get(i), figure);
                sb.append(' ').append(format(figure, v)).append(" |");
                if (i > 0) {
                    boolean ratio = !figure.endsWith("?") && base != 0 && !Double.isNaN(base) && !Double.isNaN(v);
                    sb.append(' ').append(ratio ? String.format(Locale.ROOT, "%.2fx", v / base) : "").append(" |");
                }
            }
            sb.append('\n');
        }
        failures.forEach((server, why) -> sb.append("\n").append(server).append(" failed: ").append(why));
        return sb.toString();
    }

    private static String format(String figure, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (figure.endsWith("?")) {
            return v >= 0.999 ? "yes" : v <= 0.001 ? "no" : String.format(Locale.ROOT, "%.0f%% yes", v * 100);
        }
        double a = Math.abs(v);
        String f = a >= 1000 ? "%,.0f" : a >= 10 ? "%.1f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
