package io.kalisocket.bench.run;

import java.net.URI;
import java.util.List;

/** A Redis the bench started for a run: where the nodes find it, and its processes, whose CPU is counted. */
interface OwnRedis extends AutoCloseable {

    /**
     * Where the nodes find it.
     *
     * @return its URI, for the nodes' {@code --redis}
     */
    URI uri();

    /**
     * Its processes.
     *
     * @return the process id of each of its servers
     */
    List<Long> pids();

    /** Stops every process of it (bounded). */
    @Override
    void close();
}
