package io.kalisocket.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The line between KaliSocket's packages (docs/ARCHITECTURE.md): an application uses API packages only; an
 * extension module (cluster, db) uses API and SPI ({@code io.kalisocket.spi}); nothing outside core touches
 * {@code io.kalisocket.internal}. Each module's {@code ApiBoundaryTest} checks its own main classes with this.
 */
public final class ApiBoundary {

    /** Core's internal packages: free to change, never used outside core. */
    public static final String INTERNAL = "io.kalisocket.internal..";

    /** The extension point: for modules that plug into the server, not for applications. */
    public static final String SPI = "io.kalisocket.spi..";

    private ApiBoundary() {
    }

    /** @param rootPackage the module's package, e.g. {@code io.kalisocket.cluster} @return its main classes */
    public static JavaClasses mainClassesOf(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /**
     * Fails, naming every offending dependency, when an extension module's classes use core's internals.
     *
     * @param rootPackage the module's package
     */
    public static void assertExtensionUsesApiAndSpiOnly(String rootPackage) {
        noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("extensions plug in through io.kalisocket.spi; core's internals may change at any time")
                .check(mainClassesOf(rootPackage));
    }

    /**
     * Fails, naming every offending dependency, when an application's classes use anything but the API.
     *
     * @param rootPackage the application's package
     */
    public static void assertApplicationUsesApiOnly(String rootPackage) {
        noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL, SPI)
                .because("an application is written against the API packages only (docs/ARCHITECTURE.md)")
                .check(mainClassesOf(rootPackage));
    }
}
