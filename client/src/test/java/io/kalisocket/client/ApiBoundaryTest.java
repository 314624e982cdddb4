package io.kalisocket.client;

import io.kalisocket.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The Java client shares nothing of the server's internals. */
class ApiBoundaryTest {

    @Test
    void mainClasses_dependOnNoInternalPackage() {
        ApiBoundary.assertApplicationUsesApiOnly("io.kalisocket.client");
    }
}
