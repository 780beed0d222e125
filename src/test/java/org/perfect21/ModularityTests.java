package org.perfect21;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Feature packages depend on each other one way: api, schedule, cli → monitor → execution → workflow, agent, history,
 * context, git, cache.
 */
class ModularityTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.perfect21");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.perfect21.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void agentKindsKnowNothingOfWorkflowsRunsOrHistory() {
        noClasses().that().resideInAPackage("org.perfect21.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.workflow..", "org.perfect21.execution..",
                        "org.perfect21.history..", "org.perfect21.cli..")
                .check(CLASSES);
    }

    @Test
    void definitionsAndHistoryDoNotDependOnExecutionOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("org.perfect21.workflow..", "org.perfect21.history..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.cli..")
                .check(CLASSES);
    }

    @Test
    void historyDoesNotDependOnDefinitionsOrAgents() {
        noClasses().that().resideInAPackage("org.perfect21.history..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.workflow..", "org.perfect21.agent..")
                .check(CLASSES);
    }

    @Test
    void nothingBelowTheEntryPointsDependsOnTheApi() {
        noClasses().that().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.workflow..", "org.perfect21.agent..",
                        "org.perfect21.history..", "org.perfect21.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.perfect21.api..")
                .check(CLASSES);
    }

    @Test
    void theEngineKnowsNothingOfSchedules() {
        noClasses().that().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.workflow..", "org.perfect21.agent..",
                        "org.perfect21.history..", "org.perfect21.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.perfect21.schedule..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.perfect21.cli..", "org.perfect21")
                .should().dependOnClassesThat().resideInAPackage("org.perfect21.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheEntryPointsDependOnMonitor() {
        // monitor watches and tunes execution (pool size, held launches); nothing it drives may know it.
        noClasses().that().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.workflow..", "org.perfect21.agent..",
                        "org.perfect21.history..", "org.perfect21.cache..")
                .should().dependOnClassesThat().resideInAPackage("org.perfect21.monitor..")
                .check(CLASSES);
    }

    @Test
    void monitorDoesNotDependOnTheEntryPoints() {
        noClasses().that().resideInAPackage("org.perfect21.monitor..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.api..", "org.perfect21.cli..")
                .check(CLASSES);
    }

    @Test
    void cachesDependOnNoOtherFeature() {
        // Any feature may offer a Trimmable cache, so cache must sit below all of them.
        noClasses().that().resideInAPackage("org.perfect21.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.workflow..",
                        "org.perfect21.agent..", "org.perfect21.history..", "org.perfect21.monitor..", "org.perfect21.api..",
                        "org.perfect21.cli..")
                .check(CLASSES);
    }

    @Test
    void theRunContextDependsOnNoOtherFeature() {
        // Execution feeds it outputs and reads its view; it knows nothing of workflows, agents or runs.
        noClasses().that().resideInAPackage("org.perfect21.context..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.workflow..",
                        "org.perfect21.agent..", "org.perfect21.history..", "org.perfect21.cache..", "org.perfect21.git..",
                        "org.perfect21.monitor..", "org.perfect21.api..", "org.perfect21.cli..", "org.perfect21.schedule..")
                .check(CLASSES);
    }

    @Test
    void theRollupDependsOnNoFeatureButHistory() {
        // It rolls history up (and keeps its retention); the reports read what it writes without knowing it.
        noClasses().that().resideInAPackage("org.perfect21.rollup..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.workflow..",
                        "org.perfect21.agent..", "org.perfect21.cache..", "org.perfect21.git..", "org.perfect21.context..",
                        "org.perfect21.monitor..", "org.perfect21.api..", "org.perfect21.cli..", "org.perfect21.schedule..",
                        "org.perfect21.report..")
                .check(CLASSES);
    }

    @Test
    void gitSnapshotsDependOnlyOnTheCacheSeam() {
        noClasses().that().resideInAPackage("org.perfect21.git..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.workflow..",
                        "org.perfect21.agent..", "org.perfect21.history..", "org.perfect21.context..", "org.perfect21.monitor..",
                        "org.perfect21.api..", "org.perfect21.cli..", "org.perfect21.schedule..")
                .check(CLASSES);
    }

    @Test
    void reportsAreSqlOverTheDatabaseAndKnowNoFeature() {
        // Reports read tables; they must not reach into the engine, which could let one change state.
        noClasses().that().resideInAPackage("org.perfect21.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfect21.execution..", "org.perfect21.workflow..",
                        "org.perfect21.agent..", "org.perfect21.history..", "org.perfect21.context..", "org.perfect21.cache..",
                        "org.perfect21.git..", "org.perfect21.monitor..", "org.perfect21.api..", "org.perfect21.cli..",
                        "org.perfect21.schedule..")
                .check(CLASSES);
    }
}
