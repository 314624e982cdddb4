package io.kalisocket.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's flags: {@code --host H}, {@code --port P}, {@code --config FILE}. Unknown flags are an error.
 *
 * @param configFile the YAML file, if given
 * @param overrides dotted config keys set by flags
 */
record DemoCommandLine(Optional<Path> configFile, Map<String, String> overrides) {

    static final String USAGE = "usage: java -jar kalisocket-demo.jar [--host HOST] [--port PORT] [--config FILE]";

    /** Thrown for a bad command line; its message ends with the usage line. */
    static final class UsageException extends Exception {
        UsageException(String problem) {
            super(problem + "\n" + USAGE);
        }
    }

    static DemoCommandLine parse(String... args) throws UsageException {
        Path config = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("missing value for " + flag);
            }
            switch (flag) {
                case "--host" -> overrides.put("server.host", value);
                case "--port" -> overrides.put("server.port", value);
                case "--config" -> config = Path.of(value);
                default -> throw new UsageException("unknown flag: " + flag);
            }
        }
        return new DemoCommandLine(Optional.ofNullable(config), overrides);
    }
}
