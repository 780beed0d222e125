package org.perfect21.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The application's classes (not the tests'), imported once for every architecture rule in the test JVM. */
public final class MainClasses {

    public static final JavaClasses IMPORTED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.perfect21");

    private MainClasses() {
    }
}
