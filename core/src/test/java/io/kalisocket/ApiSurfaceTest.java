package io.kalisocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import io.kalisocket.testing.ApiBoundary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API is what docs/ARCHITECTURE.md lists: its packages expose no internal type, and every public
 * class of core outside them lives in an {@code internal} package.
 */
class ApiSurfaceTest {

    /** The API packages (what an application writes against) and the SPI package (what extensions plug in). */
    static final Set<String> API_AND_SPI = Set.of("io.kalisocket", "io.kalisocket.admin", "io.kalisocket.auth", "io.kalisocket.cache", "io.kalisocket.http",
            "io.kalisocket.config", "io.kalisocket.connection", "io.kalisocket.gateway", "io.kalisocket.mvc",
            "io.kalisocket.spi");

    private final List<JavaClass> core = ApiBoundary.mainClassesOf("io.kalisocket").stream()
            .filter(c -> !c.getPackageName().startsWith("io.kalisocket.errors"))
            .toList();

    @Test
    void everyPublicClass_isInAnApiOrSpiPackage_orInAnInternalOne() {
        List<String> stray = core.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !API_AND_SPI.contains(c.getPackageName()))
                .filter(c -> !c.getPackageName().startsWith("io.kalisocket.internal."))
                .map(JavaClass::getName)
                .toList();
        assertThat(stray).as("public classes outside the API, SPI and internal packages").isEmpty();
    }

    @Test
    void apiAndSpi_exposeNoInternalTypeInAPublicSignature() {
        List<String> leaks = new ArrayList<>();
        core.stream()
                .filter(c -> API_AND_SPI.contains(c.getPackageName()))
                .filter(ApiSurfaceTest::isVisible)
                .flatMap(c -> c.getCodeUnits().stream())
                .filter(ApiSurfaceTest::isVisible)
                .forEach(unit -> signatureTypes(unit).filter(ApiSurfaceTest::isInternal)
                        .forEach(t -> leaks.add(unit.getFullName() + " uses " + t.getName())));
        core.stream()
                .filter(c -> API_AND_SPI.contains(c.getPackageName()))
                .filter(ApiSurfaceTest::isVisible)
                .flatMap(c -> c.getFields().stream())
                .filter(ApiSurfaceTest::isVisible)
                .filter(f -> isInternal(f.getRawType()))
                .forEach(f -> leaks.add(f.getFullName() + " is " + f.getRawType().getName()));
        assertThat(leaks).as("internal types in the public API").isEmpty();
    }

    private static Stream<JavaClass> signatureTypes(JavaCodeUnit unit) {
        return Stream.concat(Stream.of(unit.getRawReturnType()), unit.getRawParameterTypes().stream())
                .flatMap(t -> Stream.concat(Stream.of(t), t.getAllInvolvedRawTypes().stream()));
    }

    private static boolean isVisible(HasModifiers member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isInternal(JavaType type) {
        return type.toErasure().getPackageName().startsWith("io.kalisocket.internal");
    }
}
