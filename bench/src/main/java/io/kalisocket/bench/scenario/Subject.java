package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.ServerProcess;
import java.net.URI;
import java.util.Optional;

/**
 * One server as a scenario sees it.
 *
 * @param name    the column name, e.g. {@code baseline}, {@code kali-inline}, {@code target}
 * @param uri     where to connect (loopback)
 * @param action  the echo action to call: {@code say} or {@code fast}
 * @param process the server's process when the runner started it; empty for {@code --target}
 */
public record Subject(String name, URI uri, String action, Optional<ServerProcess> process) {
}
