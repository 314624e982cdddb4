package io.kalisocket.bench;

import io.kalisocket.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The bench's servers are written as an application would be: API packages only. */
class ApiBoundaryTest {

    @Test
    void mainClasses_dependOnNoInternalPackage() {
        ApiBoundary.assertApplicationUsesApiOnly("io.kalisocket.bench");
    }
}
