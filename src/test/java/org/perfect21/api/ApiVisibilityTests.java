package org.perfect21.api;

import org.junit.jupiter.api.Test;
import org.perfect21.architecture.MainClasses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The controllers, their views and exceptions, the handler of the platform's exceptions and the OpenAPI set-up stay
 * package-private: nothing outside the REST API uses them. Only {@link ApiProperties} is public (the body-size filter
 * in {@code api.problem} reads it).
 */
class ApiVisibilityTests {

    @Test
    void onlyTheApiPropertiesArePublicInTheApiPackage() {
        // Top-level classes: a type nested in an annotation is public by the language, yet no more visible than it.
        classes().that().resideInAPackage("org.perfect21.api").and().areTopLevelClasses()
                .and().doNotHaveFullyQualifiedName(ApiProperties.class.getName())
                .should().notBePublic()
                .check(MainClasses.IMPORTED);
    }
}
