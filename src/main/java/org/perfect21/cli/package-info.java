/**
 * The command line: {@code serve} (the default), {@code run}, {@code restart}, {@code runs}, {@code show},
 * {@code output}, {@code validate}, {@code purge} and
 * {@code report}, parsed with picocli before Spring starts. An entry point: nothing depends on it, and it does not
 * name the application class (the application hands itself over), so the dependency goes one way.
 */
@ApplicationModule(displayName = "Command line", allowedDependencies = {"execution", "history", "report", "retention",
        "usage", "workflow"})
package org.perfect21.cli;

import org.springframework.modulith.ApplicationModule;
