package io.kalisocket.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.kalisocket.config.LoggingConfig;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Logging out of the box. The launcher's {@code kalisocket-logback.xml} (KaliSocket and the application at
 * {@code logging.level}, Netty and the other libraries at WARN, {@code logging.format} plain or json) is applied
 * unless the application brings a Logback configuration of its own: a {@code logback.xml} or
 * {@code logback-test.xml} on the class path, or {@code -Dlogback.configurationFile}. Either way the two keys are
 * published as the system properties {@code kalisocket.logging.level} and {@code kalisocket.logging.format}, for
 * an application's own file to use.
 */
final class LogbackDefaults {

    /** The launcher's configuration; not named {@code logback.xml}, so that a library jar never imposes it. */
    static final String RESOURCE = "io/kalisocket/launcher/kalisocket-logback.xml";

    private LogbackDefaults() {
    }

    /**
     * @param logging the logging section of the configuration
     * @return true when the launcher's configuration was applied, false when the application has its own (or
     *     SLF4J is bound to another backend)
     */
    static boolean apply(LoggingConfig logging) {
        System.setProperty("kalisocket.logging.level", logging.level());
        System.setProperty("kalisocket.logging.format", logging.format());
        ClassLoader loader = LogbackDefaults.class.getClassLoader();
        if (hasOwnConfiguration(loader) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return false;
        }
        // Logback configured itself on first use (its debug-level fallback); replace that with ours.
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL ours = loader.getResource(RESOURCE);
        try {
            configurator.doConfigure(ours);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot apply " + ours + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** @return true when Logback will find the application's own configuration */
    static boolean hasOwnConfiguration(ClassLoader loader) {
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }
}
