package io.kalisocket.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the admin endpoint's JSON as the readable tables of the {@code status} and {@code connections}
 * commands, in the manner of Workerman's {@code php start.php status}.
 */
public final class StatusTable {

    private StatusTable() {
    }

    /** @param status the JSON of {@code /status} @return the text to print */
    public static String status(Map<String, Object> status) {
        StringBuilder out = new StringBuilder();
        out.append("---------------------------------- KaliSocket status ----------------------------------\n");
        List<String[]> head = new ArrayList<>();
        for (String key : List.of("node", "status", "listen", "started_at", "uptime_seconds", "jdk", "transport",
                "tls", "cpus", "load_average")) {
            head.add(new String[] {key, String.valueOf(status.get(key))});
        }
        table(out, List.of("key", "value"), head);
        out.append("\nevent loops\n");
        List<String[]> loops = new ArrayList<>();
        for (Object loop : list(status.get("event_loops"))) {
            Map<String, Object> l = map(loop);
            loops.add(new String[] {String.valueOf(l.get("name")), String.valueOf(l.get("connections"))});
        }
        table(out, List.of("loop", "connections"), loops);
        for (String section : List.of("connections", "messages", "replies_by_code", "closes", "actions", "memory")) {
            out.append('\n').append(section.replace('_', ' ')).append('\n');
            List<String[]> rows = new ArrayList<>();
            map(status.get(section)).forEach((k, v) -> rows.add(new String[] {k, String.valueOf(v)}));
            table(out, List.of("name", "value"), rows);
        }
        return out.toString();
    }

    /** @param connections the JSON of {@code /connections} @return the text to print */
    public static String connections(Map<String, Object> connections) {
        StringBuilder out = new StringBuilder();
        List<String[]> rows = new ArrayList<>();
        List<String> columns = List.of("client_id", "ip", "peer", "uid", "groups", "age_seconds", "messages_in",
                "messages_out");
        for (Object row : list(connections.get("connections"))) {
            Map<String, Object> r = map(row);
            rows.add(columns.stream().map(c -> String.valueOf(r.get(c))).toArray(String[]::new));
        }
        out.append("node ").append(connections.get("node")).append(": ").append(connections.get("total"))
                .append(" open connection(s)");
        if (rows.size() < ((Number) connections.getOrDefault("total", 0)).intValue()) {
            out.append(", first ").append(rows.size()).append(" shown");
        }
        out.append('\n');
        table(out, columns, rows);
        return out.toString();
    }

    private static void table(StringBuilder out, List<String> columns, List<String[]> rows) {
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = columns.get(i).length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        line(out, columns.toArray(String[]::new), width);
        String[] rule = new String[width.length];
        for (int i = 0; i < width.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width);
        rows.forEach(r -> line(out, r, width));
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", cells[i]));
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        out.append('\n');
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
