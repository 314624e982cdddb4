package io.kalisocket.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.slf4j.ILoggerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.NOPLoggerFactory;
import org.junit.jupiter.api.Test;

/** Core without an SLF4J backend says so once, in one line, with what to add. */
class LoggingBackendTest {

    @Test
    void warning_whenSlf4jFellBackToNoOperation_saysWhatToAdd() {
        assertThat(LoggingBackend.warning(new NOPLoggerFactory())).hasValue(
                "kalisocket: no SLF4J backend found, so nothing will be logged; add io.kalisocket:kalisocket-launcher"
                        + " or ch.qos.logback:logback-classic to the application's dependencies");
    }

    @Test
    void warning_withABackend_isNone() {
        ILoggerFactory backend = name -> NOPLogger.NOP_LOGGER;
        assertThat(LoggingBackend.warning(backend)).isEmpty();
    }
}
