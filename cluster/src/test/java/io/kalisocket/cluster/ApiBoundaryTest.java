package io.kalisocket.cluster;

import io.kalisocket.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The cluster plugs in through the SPI: it uses API and SPI packages, never core's internals. */
class ApiBoundaryTest {

    @Test
    void mainClasses_dependOnNoInternalPackage() {
        ApiBoundary.assertExtensionUsesApiAndSpiOnly("io.kalisocket.cluster");
    }
}
