package io.kalisocket.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** KaliSocket's version, from a resource the build fills in (a shaded jar keeps no module manifest). */
final class Version {

    private static final String RESOURCE = "version.properties";

    private Version() {
    }

    /** @return e.g. {@code 0.1.0}; {@code unknown} when the resource was not filled in by the build */
    static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
