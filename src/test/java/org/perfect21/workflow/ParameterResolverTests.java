package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfect21.workflow.ParameterDefinition.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParameterResolverTests {

    private final WorkflowDefinition workflow = workflow(
            new ParameterDefinition("feature", Type.STRING, true, null, "the feature to plan"),
            new ParameterDefinition("count", Type.INTEGER, false, 3L, null),
            new ParameterDefinition("enabled", Type.BOOLEAN, false, false, null),
            new ParameterDefinition("timeout", Type.DURATION, false, "2m", null),
            new ParameterDefinition("ratio", Type.NUMBER, false, null, null));

    @Test
    void defaultsAreAppliedToParametersNotGiven() {
        // when
        Map<String, Object> values = ParameterResolver.resolve(workflow, Map.of("feature", "login"));

        // then
        assertThat(values).containsExactly(
                Map.entry("feature", "login"), Map.entry("count", 3L), Map.entry("enabled", false),
                Map.entry("timeout", "2m"));
    }

    @Test
    void textValuesAreConvertedToTheDeclaredTypes() {
        // when
        Map<String, Object> values = ParameterResolver.resolve(workflow, Map.of(
                "feature", "login", "count", "5", "enabled", "TRUE", "timeout", "30s", "ratio", "0.25"));

        // then
        assertThat(values).containsEntry("feature", "login").containsEntry("count", 5L)
                .containsEntry("enabled", true).containsEntry("timeout", "30s").containsEntry("ratio", 0.25);
    }

    @Test
    void aMissingRequiredParameterIsReported() {
        // when
        InvalidParametersException e = resolveFails(workflow, Map.of());

        // then
        assertThat(e.problems()).containsExactly("missing required parameter 'feature' (string)");
        assertThat(e).hasMessageContaining("workflow 'wf'");
    }

    @Test
    void anUnknownParameterIsReportedWithTheKnownNames() {
        // when
        InvalidParametersException e = resolveFails(workflow, Map.of("feature", "login", "colour", "red"));

        // then
        assertThat(e.problems()).singleElement().asString()
                .contains("unknown parameter 'colour'")
                .contains("known: feature, count, enabled, timeout, ratio");
    }

    @Test
    void aWorkflowWithoutParametersRejectsAnyParameter() {
        // when
        InvalidParametersException e = resolveFails(workflow(), Map.of("feature", "login"));

        // then
        assertThat(e.problems()).containsExactly("unknown parameter 'feature' (the workflow takes none)");
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource({
            "count, abc, is not an integer",
            "count, 2.5, is not an integer",
            "enabled, maybe, is not true or false",
            "enabled, yes, is not true or false",
            "timeout, soon, is not a duration",
            "ratio, half, is not a number"
    })
    void aValueOfTheWrongTypeIsReported(String name, String value, String message) {
        // when
        InvalidParametersException e = resolveFails(workflow, Map.of("feature", "login", name, value));

        // then
        assertThat(e.problems()).singleElement().asString()
                .startsWith("parameter '" + name + "': ")
                .contains("'" + value + "' " + message);
    }

    @Test
    void everyProblemIsReportedTogether() {
        // when
        InvalidParametersException e = resolveFails(workflow, Map.of("colour", "red", "count", "many", "enabled", "perhaps"));

        // then
        assertThat(e.problems()).hasSize(4).anySatisfy(p -> assertThat(p).contains("unknown parameter 'colour'"))
                .anySatisfy(p -> assertThat(p).contains("missing required parameter 'feature'"))
                .anySatisfy(p -> assertThat(p).contains("parameter 'count'", "'many'"))
                .anySatisfy(p -> assertThat(p).contains("parameter 'enabled'", "'perhaps'"));
        assertThat(e).hasMessageContaining("colour").hasMessageContaining("feature")
                .hasMessageContaining("count").hasMessageContaining("enabled");
    }

    private static InvalidParametersException resolveFails(WorkflowDefinition workflow, Map<String, ?> given) {
        InvalidParametersException e = catchThrowableOfType(InvalidParametersException.class,
                () -> ParameterResolver.resolve(workflow, given));
        assertThat(e).as("resolving %s should fail", given).isNotNull();
        return e;
    }

    private static WorkflowDefinition workflow(ParameterDefinition... parameters) {
        return new WorkflowDefinition("wf", null, List.of(parameters), List.of(), Path.of("wf.yml"));
    }
}
