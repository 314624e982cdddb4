package io.kalisocket.launcher;

import io.kalisocket.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The launcher is written against KaliSocket's API only, as any application is. */
class ApiBoundaryTest {

    @Test
    void mainClasses_dependOnNoInternalPackage() {
        ApiBoundary.assertApplicationUsesApiOnly("io.kalisocket.launcher");
    }
}
