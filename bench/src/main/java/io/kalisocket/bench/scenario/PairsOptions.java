package io.kalisocket.bench.scenario;

import io.kalisocket.bench.Loopback;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags every comparison in alternating windows takes ({@code handshake-pairs}, {@code message-pairs}):
 * {@code --a URL --a-pid PID --b URL --b-pid PID [--rate R] [--pairs N] [--window MS] [--warmup S]}, plus the
 * command's own flags with their defaults. Loopback targets only; every bound is checked here.
 *
 * @param command the command's name, for messages
 * @param targets A's and B's URLs
 * @param pids A's and B's processes, whose CPU is read
 * @param rate the fixed rate each window runs at, per second
 * @param pairs how many pairs of windows
 * @param windowMs each window's length
 * @param warmupMs each server's warm-up before the first pair
 * @param extra the command's own flags, with their defaults where not given
 */
record PairsOptions(String command, List<URI> targets, List<Long> pids, int rate, int pairs, long windowMs,
                    long warmupMs, Map<String, String> extra) {

    /** Copies the lists and the map. */
    PairsOptions {
        targets = List.copyOf(targets);
        pids = List.copyOf(pids);
        extra = Map.copyOf(extra);
    }

    /**
     * @param command the command's name, for messages
     * @param args the flags after the command
     * @param defaultRate the rate without {@code --rate}
     * @param maxRate the highest rate accepted
     * @param extraDefaults the command's own flags (e.g. {@code --connections}) and their defaults
     * @return the options
     * @throws IllegalArgumentException for a missing server, a flag out of bounds, an unknown flag or a target
     *     beyond loopback
     */
    static PairsOptions parse(String command, List<String> args, int defaultRate, int maxRate,
            Map<String, String> extraDefaults) {
        URI a = null;
        URI b = null;
        long aPid = -1;
        long bPid = -1;
        int rate = defaultRate;
        int pairs = 20;
        long window = 2000;
        long warmup = 15;
        Map<String, String> extra = new LinkedHashMap<>(extraDefaults);
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String flag = args.get(i);
            String v = args.get(i + 1);
            switch (flag) {
                case "--a" -> a = URI.create(v);
                case "--a-pid" -> aPid = Long.parseLong(v);
                case "--b" -> b = URI.create(v);
                case "--b-pid" -> bPid = Long.parseLong(v);
                case "--rate" -> rate = within(command, flag, Integer.parseInt(v), 1, maxRate);
                case "--pairs" -> pairs = within(command, flag, Integer.parseInt(v), 1, 200);
                case "--window" -> window = within(command, flag, Integer.parseInt(v), 200, 10_000);
                case "--warmup" -> warmup = within(command, flag, Integer.parseInt(v), 0, 120);
                default -> {
                    if (!extra.containsKey(flag)) {
                        throw new IllegalArgumentException(command + ": unknown flag " + flag);
                    }
                    extra.put(flag, v);
                }
            }
        }
        if (a == null || b == null || aPid <= 0 || bPid <= 0 || args.size() % 2 != 0) {
            throw new IllegalArgumentException(
                    command + " needs --a ws://127.0.0.1:P/ --a-pid PID --b ws://127.0.0.1:Q/ --b-pid PID");
        }
        return new PairsOptions(command, List.of(Loopback.require(a), Loopback.require(b)), List.of(aPid, bPid),
                rate, pairs, window, warmup * 1000, extra);
    }

    /**
     * @param flag one of the command's own flags
     * @param min the lowest value accepted
     * @param max the highest value accepted
     * @return its value
     * @throws IllegalArgumentException when it is not a number within the bounds
     */
    int extraInt(String flag, int min, int max) {
        return within(command, flag, Integer.parseInt(extra.get(flag)), min, max);
    }

    private static int within(String command, String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(command + " " + flag + " must be " + min + "-" + max + ", got "
                    + value);
        }
        return value;
    }
}
