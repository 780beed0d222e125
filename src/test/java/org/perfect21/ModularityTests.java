package org.perfect21;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.perfect21.architecture.MainClasses;
import org.perfect21.testing.ScratchDirectory;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module boundaries, checked by Spring Modulith against the allow-lists in each module's {@code package-info.java}
 * ({@code @ApplicationModule(allowedDependencies = ...)}): a dependency not on its module's list fails, as does one on
 * another module's internals (its sub-packages) or a cycle, the root package included. The architecture pages in
 * {@code src/docs} are generated from the same model and must match it.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Perfect21Application.class);

    @Test
    void everyModuleDependsOnlyOnWhatItsAllowListNames() {
        MODULES.verify();
    }

    @Test
    void everyFeaturePackageIsAModuleWithAnExplicitAllowList() {
        assertThat(MODULES.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName().substring("org.perfect21.".length())))
                .containsExactlyInAnyOrder("agent", "api", "cache", "cli", "config", "context", "execution", "git", "history",
                        "launch", "optimizer", "report", "retention", "rollup", "schedule", "selection", "usage", "workflow");
    }

    @Test
    void theRootPackageHoldsOnlyTheApplicationAndNothingDependsOnIt() {
        JavaClasses main = MainClasses.IMPORTED;
        classes().that().resideInAPackage("org.perfect21").should().haveSimpleName("Perfect21Application")
                .orShould().haveSimpleName("package-info").check(main);
        noClasses().that().resideOutsideOfPackage("org.perfect21").should().dependOnClassesThat()
                .resideInAPackage("org.perfect21").check(main);
    }

    /**
     * The check fails for what it should: each fixture (in the test sources) breaks one rule. They are imported with the
     * application's classes once, and each must be named in the violations.
     */
    @Nested
    class FailsForABadDependency {

        private static final List<String> FIXTURES = List.of("HistoryReadingReportsFixture", "CacheReadingContextFixture",
                "LaunchUsingExecutionInternalsFixture", "ConfigNamingTheApplicationFixture");
        private static final String VIOLATIONS = violationsWithFixtures();

        @Test
        void aModuleUsingAFeatureOffItsList() {
            assertThat(VIOLATIONS).contains("Module 'history' depends on module 'report' via org.perfect21.history.HistoryReadingReportsFixture");
        }

        @Test
        void theCacheDependingOnTheRunContext() {
            assertThat(VIOLATIONS).contains("Module 'cache' depends on module 'context' via org.perfect21.cache.CacheReadingContextFixture");
        }

        @Test
        void aModuleReachingIntoAnotherModulesInternals() {
            // launch may use execution, but only its API (the base package): a sub-package type is no allowed target.
            assertThat(VIOLATIONS)
                    .contains("Module 'launch' depends on module 'execution' via org.perfect21.launch.LaunchUsingExecutionInternalsFixture"
                            + " -> org.perfect21.execution.partition.AgentDispatcher");
        }

        @Test
        void aCycleThroughTheRootPackage() {
            assertThat(VIOLATIONS).contains("Cycle detected").contains("Slice root:org.perfect21")
                    .contains("org.perfect21.config.ConfigNamingTheApplicationFixture");
        }

        /** The application's classes and the fixture classes from the test classes, verified. */
        private static String violationsWithFixtures() {
            ApplicationModules modules = ApplicationModules.of(Perfect21Application.class, location -> !location.contains("/test-classes/")
                    || FIXTURES.stream().anyMatch(fixture -> location.contains("/" + fixture + ".class")));
            return assertThatThrownBy(modules::verify).isInstanceOf(Violations.class).actual().getMessage();
        }
    }

    /**
     * {@code src/docs/architecture/modules.puml} (Spring Modulith's C4 component diagram) and the module table and graph
     * in {@code src/docs/architecture.md} are what the model gives now. Regenerate both with
     * {@code mvn test -Dtest=ModularityTests -Dperfect21.docs.write=true}.
     */
    @Nested
    class Documentation {

        private static final Path DIAGRAM = Path.of("src/docs/architecture/modules.puml");
        private static final Path PAGE = Path.of("src/docs/architecture.md");
        private static final String BEGIN = "<!-- modules:begin (generated by ModularityTests) -->";
        private static final String END = "<!-- modules:end -->";

        @Test
        void theModuleDiagramIsCurrent() throws IOException {
            Path out = Files.createTempDirectory("perfect21-modulith-docs");
            try {
                new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString())).writeModulesAsPlantUml();
                check(DIAGRAM, sorted(Files.readString(out.resolve("components.puml"), StandardCharsets.UTF_8)));
            } finally {
                ScratchDirectory.delete(out);
            }
        }

        @Test
        void theModuleTableAndGraphAreCurrent() throws IOException {
            String page = Files.readString(PAGE, StandardCharsets.UTF_8);
            int begin = page.indexOf(BEGIN);
            int end = page.indexOf(END);
            assertThat(begin).as(PAGE + " holds the markers " + BEGIN + " and " + END).isNotNegative();
            assertThat(end).isGreaterThan(begin);
            String generated = page.substring(0, begin + BEGIN.length()) + "\n" + ModuleTable.of(MODULES) + page.substring(end);
            check(PAGE, generated);
        }

        /** The diagram with its components and relations each in a stable order (Modulith lists them as it finds them). */
        private static String sorted(String plantUml) {
            List<String> lines = new java.util.ArrayList<>(plantUml.lines().toList());
            for (String kind : List.of("    Component(", "Rel(")) {
                List<Integer> at = java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(kind))
                        .boxed().toList();
                List<String> ordered = at.stream().map(lines::get).sorted().toList();
                for (int i = 0; i < at.size(); i++) {
                    lines.set(at.get(i), ordered.get(i));
                }
            }
            return String.join("\n", lines) + "\n";
        }

        private static void check(Path committed, String generated) throws IOException {
            if (Boolean.getBoolean("perfect21.docs.write")) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, generated, StandardCharsets.UTF_8);
            }
            assertThat(Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "")
                    .as(committed + " is out of date; regenerate it: mvn test -Dtest=ModularityTests -Dperfect21.docs.write=true")
                    .isEqualTo(generated);
        }
    }

    /** The modules as a Markdown table (what each is, what it may use) and a Mermaid graph of their dependencies. */
    static final class ModuleTable {

        static String of(ApplicationModules modules) {
            List<ApplicationModule> sorted = modules.stream()
                    .sorted(java.util.Comparator.comparing(ApplicationModule::getIdentifier, java.util.Comparator.comparing(Object::toString)))
                    .toList();
            StringBuilder out = new StringBuilder("\n| Module | Package | Depends on (within its allow-list) |\n|---|---|---|\n");
            for (ApplicationModule module : sorted) {
                out.append("| ").append(module.getDisplayName()).append(" | `").append(module.getBasePackage().getName())
                        .append("` | ").append(dependencies(modules, module).isEmpty() ? "nothing"
                                : dependencies(modules, module).stream().map(d -> "`" + d + "`").collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
            out.append("\n```mermaid\nflowchart TD\n");
            for (ApplicationModule module : sorted) {
                String id = module.getIdentifier().toString();
                out.append("    ").append(id).append("[\"").append(module.getDisplayName()).append("\"]\n");
            }
            for (ApplicationModule module : sorted) {
                for (String dependency : dependencies(modules, module)) {
                    out.append("    ").append(module.getIdentifier()).append(" --> ").append(dependency).append('\n');
                }
            }
            return out.append("```\n\n").toString();
        }

        /** The modules this one depends on in the code (which the check keeps within its allow-list), sorted. */
        private static List<String> dependencies(ApplicationModules modules, ApplicationModule module) {
            return module.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()).sorted()
                    .distinct().toList();
        }
    }
}
