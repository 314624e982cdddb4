package io.kalisocket.bench;

import io.kalisocket.bench.run.HandoffProbe;
import io.kalisocket.bench.run.JitterProbe;
import io.kalisocket.bench.run.ScenarioRunner;
import io.kalisocket.bench.scenario.CrowdCheck;
import io.kalisocket.bench.scenario.HandshakePairs;
import io.kalisocket.bench.scenario.MessagePairs;
import io.kalisocket.bench.server.ServerMain;
import java.time.Duration;
import java.util.Arrays;

/**
 * Entry point of {@code kalisocket-bench.jar}: {@code SCENARIO [flags]} runs a scenario,
 * {@code server KIND} runs one server for the runner, {@code jitter} measures the machine's scheduling jitter,
 * {@code handoff} what handing work to another thread and back costs, {@code crowd} a crowd connecting to an
 * application, {@code handshake-pairs} and {@code message-pairs} two running servers' CPU per handshake or per
 * echo call in alternating windows,
 * {@code --help} prints usage.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits.
     *
     * @param args see {@link BenchOptions#help()}
     */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kalisocket-bench: " + e.getMessage() + " (see --help)");
            status = 2;
        } catch (Exception e) {
            System.err.println("kalisocket-bench: " + e);
            status = 1;
        }
        System.exit(status);
    }

    private static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || Arrays.asList(args).contains("--help")) {
            System.out.print(BenchOptions.help());
            return 0;
        }
        if (args[0].equals("server")) {
            ServerMain.run(Arrays.copyOfRange(args, 1, args.length));
            return 0;
        }
        if (args[0].equals("jitter")) {
            new JitterProbe(probeDuration(args)).run(System.out);
            return 0;
        }
        if (args[0].equals("handoff")) {
            new HandoffProbe(probeDuration(args)).run(System.out);
            return 0;
        }
        if (args[0].equals("handshake-pairs")) {
            HandshakePairs.parse(Arrays.asList(args).subList(1, args.length)).run(System.out);
            return 0;
        }
        if (args[0].equals("message-pairs")) {
            MessagePairs.parse(Arrays.asList(args).subList(1, args.length)).run(System.out);
            return 0;
        }
        if (args[0].equals("crowd")) {
            CrowdCheck.parse(Arrays.asList(args).subList(1, args.length)).run(System.out);
            return 0;
        }
        new ScenarioRunner(BenchOptions.parse(args), System.out, System.err).run();
        return 0;
    }

    /** A probe's {@code --duration S} (default 5 s, 1-60). */
    private static Duration probeDuration(String[] args) {
        int seconds = args.length > 2 && args[1].equals("--duration") ? Integer.parseInt(args[2]) : 5;
        if (seconds < 1 || seconds > 60) {
            throw new IllegalArgumentException(args[0] + " --duration must be 1-60 s, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
