package io.kalisocket.spring.boot;

import io.kalisocket.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The starter plugs in as any extension does: through API and SPI packages, never core's internals. */
class ApiBoundaryTest {

    @Test
    void mainClasses_dependOnNoInternalPackage() {
        ApiBoundary.assertExtensionUsesApiAndSpiOnly("io.kalisocket.spring");
    }
}
