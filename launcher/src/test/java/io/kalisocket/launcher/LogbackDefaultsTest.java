package io.kalisocket.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.kalisocket.config.LoggingConfig;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The launcher's Logback defaults: logging.level for KaliSocket and the application, WARN for the libraries. */
class LogbackDefaultsTest {

    private static Level levelOf(String logger) {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(logger).getEffectiveLevel();
    }

    @Test
    void loggingLevel_setsKaliSocketAndTheApplication_librariesStayAtWarn() {
        assertThat(LogbackDefaults.apply(new LoggingConfig("debug", "plain"))).isTrue();
        assertThat(levelOf("io.kalisocket.internal.server.NettyServer")).isEqualTo(Level.DEBUG);
        assertThat(levelOf("app.ChatController")).isEqualTo(Level.DEBUG);
        assertThat(levelOf("io.netty.channel.DefaultChannelPipeline")).isEqualTo(Level.WARN);
        assertThat(levelOf("com.zaxxer.hikari.HikariDataSource")).isEqualTo(Level.WARN);
        assertThat(System.getProperty("kalisocket.logging.level")).isEqualTo("debug");

        LogbackDefaults.apply(LoggingConfig.defaults());
        assertThat(levelOf("io.kalisocket.connections")).isEqualTo(Level.INFO);
        assertThat(System.getProperty("kalisocket.logging.format")).isEqualTo("plain");
    }

    @Test
    void anApplicationsOwnLogbackFile_isLeftAlone(@TempDir Path classes) throws Exception {
        try (URLClassLoader without = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(LogbackDefaults.hasOwnConfiguration(without)).isFalse();
        }
        Files.writeString(classes.resolve("logback.xml"), "<configuration/>");
        try (URLClassLoader with = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(LogbackDefaults.hasOwnConfiguration(with)).isTrue();
        }
    }
}
