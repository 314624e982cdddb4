package io.kalisocket.db;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.kalisocket.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/**
 * The database module stands on its own: plain JDBC, with only {@code ErrorReply} (kalisocket-errors) of
 * KaliSocket. Its pom does not give it the server; this says so where a reader looks.
 */
class ApiBoundaryTest {

    @Test
    void mainClasses_useNothingOfKaliSocketButErrorReply() {
        noClasses().that().resideInAPackage("io.kalisocket.db..")
                .should().dependOnClassesThat(resideInAPackage("io.kalisocket..")
                        .and(resideOutsideOfPackages("io.kalisocket.db..", "io.kalisocket.errors..")))
                .check(ApiBoundary.mainClassesOf("io.kalisocket.db"));
    }
}
