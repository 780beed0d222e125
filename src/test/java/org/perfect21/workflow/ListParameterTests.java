package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.testing.Defaults;
import org.perfect21.workflow.ParameterDefinition.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The {@code list} parameter type: a YAML sequence in a file, a JSON array on the command line or in a REST body;
 * a template walks it as a section and renders it whole as a JSON array.
 */
class ListParameterTests {

    @TempDir
    Path dir;

    private final WorkflowDefinition workflow = new WorkflowDefinition("files", null,
            List.of(new ParameterDefinition("files", Type.LIST, true, null, null)), List.of(), null, null,
            ContextLimits.DEFAULTS, UsageLimits.NONE);

    @Test
    void aJsonArrayFromTheCommandLineAndAListFromARestBodyGiveTheSameValue() {
        Object fromText = ParameterResolver.resolve(workflow, Map.of("files", "[\"a.java\", \"b.java\", 3, true]")).get("files");
        Object fromBody = ParameterResolver.resolve(workflow, Map.of("files", List.of("a.java", "b.java", 3, true))).get("files");

        assertThat(fromText).isInstanceOf(ListValue.class).isEqualTo(List.of("a.java", "b.java", 3, true)).isEqualTo(fromBody);
        assertThat(fromText).hasToString("[\"a.java\",\"b.java\",3,true]");
    }

    @Test
    void aTemplateWalksTheListAndRendersItWholeAsJson() {
        Object files = ParameterResolver.resolve(workflow, Map.of("files", "[\"a.java\", \"b.java\"]")).get("files");
        var template = Defaults.templates().compile("t", "All: {{params.files}}.{{#params.files}} <{{.}}>{{/params.files}}");

        assertThat(template.render(Map.of("params", Map.of("files", files)))).isEqualTo("All: [\"a.java\",\"b.java\"]. <a.java> <b.java>");
    }

    @Test
    void somethingElseIsRefusedSayingWhatAListIs() {
        InvalidParametersException notAList = catchThrowableOfType(InvalidParametersException.class,
                () -> ParameterResolver.resolve(workflow, Map.of("files", "a.java,b.java")));
        InvalidParametersException nested = catchThrowableOfType(InvalidParametersException.class,
                () -> ParameterResolver.resolve(workflow, Map.of("files", "[[\"a\"], {\"b\": 1}]")));

        assertThat(notAList.problems()).containsExactly("parameter 'files': 'a.java,b.java' is not a list: give a JSON array,"
                + " e.g. [\"a.java\", \"b.java\"] (a YAML sequence in a file)");
        assertThat(nested.problems()).containsExactly("parameter 'files': item 1 of the list is not a single value (text, a number"
                + " or true/false)");
    }

    @Test
    void aYamlSequenceIsADefaultAndAnythingElseIsADefinitionError() {
        JobsDirectory jobs = new JobsDirectory(dir);
        jobs.simulatedAgent("reviewer");
        jobs.workflow("wf.yml", """
                name: wf
                parameters:
                  files: {type: list, default: [README.md, pom.xml]}
                phases:
                  - {name: review, agents: [reviewer]}
                """);
        jobs.workflow("bad.yml", """
                name: bad
                parameters:
                  files: {type: list, default: README.md}
                phases:
                  - {name: review, agents: [reviewer]}
                """);

        DefinitionProblem problem = jobs.onlyProblem();

        assertThat(problem.field()).isEqualTo("parameters.files.default");
        assertThat(problem.message()).contains("'README.md' is not a list");
        Path good = dir.resolve("good");
        JobsDirectory alone = new JobsDirectory(good);
        alone.simulatedAgent("reviewer");
        alone.workflow("wf.yml", "name: wf\nparameters:\n  files: {type: list, default: [README.md, pom.xml]}\nphases:\n"
                + "  - {name: review, agents: [reviewer]}\n");
        assertThat(alone.loadWorkflow("wf").parameters().get(0).defaultValue()).isEqualTo(List.of("README.md", "pom.xml"));
    }
}
