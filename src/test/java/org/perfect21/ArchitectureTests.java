package org.perfect21;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.perfect21.architecture.ArchitectureRules;
import org.perfect21.architecture.MainClasses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production code never waits on the clock (no sleeping, no timed waits, no scheduled executors or timers) and keeps
 * to one managed executor; checked on the bytecode. The rules are shown to catch each forbidden call in a fixture.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = MainClasses.IMPORTED;

    @TestFactory
    Stream<DynamicTest> productionCodeKeepsEveryClockRule() {
        return ArchitectureRules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(MAIN)));
    }

    @Nested
    class TheRulesCatchEachForbiddenCall {

        private static final JavaClasses FIXTURE = new ClassFileImporter()
                .importClasses(org.perfect21.architecture.ArchitectureRules.fixture());

        @TestFactory
        Stream<DynamicTest> eachForbiddenCallIsReported() {
            return ArchitectureRules.expectedViolations().entrySet().stream().map(expected -> DynamicTest.dynamicTest(
                    expected.getKey(), () -> {
                        EvaluationResult result = ArchitectureRules.rule(expected.getKey()).evaluate(FIXTURE);
                        assertThat(result.hasViolation()).as(expected.getKey() + " is caught").isTrue();
                        List<String> details = result.getFailureReport().getDetails();
                        for (String method : expected.getValue()) {
                            assertThat(details).as("reported in " + method).anyMatch(d -> d.contains("ClockWaitingFixture." + method + "("));
                        }
                    }));
        }

        @Test
        void theFixtureBreaksNoOtherRuleThanItMeansTo() {
            // Each method breaks exactly the rules listed for it, so a rule that matched too much would show here.
            long reported = ArchitectureRules.all().stream().mapToLong(rule -> rule.evaluate(FIXTURE).getFailureReport().getDetails()
                    .stream().map(d -> d.replaceAll(".*ClockWaitingFixture\\.([a-zA-Z]+)\\(.*", "$1")).distinct().count()).sum();
            long expected = ArchitectureRules.expectedViolations().values().stream().mapToLong(List::size).sum();
            assertThat(reported).isEqualTo(expected);
        }
    }
}
