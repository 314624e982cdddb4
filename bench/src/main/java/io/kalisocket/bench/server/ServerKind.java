package io.kalisocket.bench.server;

import java.util.Arrays;

/** The servers the bench can start in a process of their own. */
public enum ServerKind {

    /** Bare Netty + Jackson, see {@link BaselineServer}. */
    BASELINE("baseline"),
    /** The KaliSocket bench app, see {@link KaliBenchServer}. */
    KALI("kali");

    private final String id;

    ServerKind(String id) {
        this.id = id;
    }

    /**
     * The name used on the command line.
     *
     * @return e.g. {@code baseline}
     */
    public String id() {
        return id;
    }

    /**
     * Looks a kind up by its command-line name.
     *
     * @param id {@code baseline} or {@code kali}
     * @return the kind
     * @throws IllegalArgumentException for any other name
     */
    public static ServerKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown server " + id + " (baseline, kali)"));
    }

    /**
     * Starts a server of this kind on 127.0.0.1.
     *
     * @param flags    port, and for KaliSocket the cluster and recovery settings
     * @param arrivals where the echo's arrivals are recorded
     * @return the running server
     * @throws Exception if it cannot start
     * @throws IllegalArgumentException when the baseline is given cluster or recovery flags
     */
    public RunningBenchServer start(ServerFlags flags, ArrivalProbe arrivals) throws Exception {
        if (this == BASELINE && (flags.redis().isPresent() || flags.recovery())) {
            throw new IllegalArgumentException("the baseline has no cluster mode and no recovery");
        }
        return switch (this) {
            case BASELINE -> BaselineServer.start(flags.port(), 0, arrivals);
            case KALI -> KaliBenchServer.start(flags, arrivals);
        };
    }
}
