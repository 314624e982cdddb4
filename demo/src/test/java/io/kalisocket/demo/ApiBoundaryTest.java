package io.kalisocket.demo;

import io.kalisocket.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The demo, the showcase of the API, uses API packages only. */
class ApiBoundaryTest {

    @Test
    void mainClasses_dependOnNoInternalPackage() {
        ApiBoundary.assertApplicationUsesApiOnly("io.kalisocket.demo");
    }
}
