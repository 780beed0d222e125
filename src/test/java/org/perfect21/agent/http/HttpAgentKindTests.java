package org.perfect21.agent.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfect21.agent.AgentSettings;
import org.perfect21.agent.AgentSettings.SettingProblem;
import org.perfect21.testing.Defaults;
import org.perfect21.usage.ModelPrices;
import org.perfect21.usage.PricingProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Preparing an http agent: its settings with their defaults, and every definition error, found without a request. */
class HttpAgentKindTests {

    private final ModelTransport transport = new ModelTransport(Defaults.httpProperties(), Runnable::run);
    private final HttpAgentKind kind = new HttpAgentKind(transport, new ModelPrices(new PricingProperties(Map.of())), name -> null);

    @AfterEach
    void close() {
        transport.destroy();
    }

    @Test
    void aProviderAndAModelAreEnoughTheRestHasDefaults() {
        assertThat(spec(Map.of("provider", "anthropic", "model", "claude-haiku-4-5"))).isEqualTo(new HttpAgentSpec(
                Provider.ANTHROPIC, "https://api.anthropic.com", "claude-haiku-4-5", 4096, null, "ANTHROPIC_API_KEY", 1024 * 1024));
        assertThat(spec(Map.of("provider", "openai", "model", "gpt-4o-mini"))).isEqualTo(new HttpAgentSpec(
                Provider.OPENAI, "https://api.openai.com/v1", "gpt-4o-mini", 4096, null, "OPENAI_API_KEY", 1024 * 1024));
    }

    @Test
    void everySettingIsRead() {
        assertThat(spec(Map.of("provider", "openai", "model", "llama3.2", "baseUrl", "http://localhost:11434/v1/",
                "maxTokens", 200L, "temperature", 0.5, "apiKeyEnv", "none", "maxOutput", "2KB")))
                .isEqualTo(new HttpAgentSpec(Provider.OPENAI, "http://localhost:11434/v1", "llama3.2", 200, 0.5, null, 2048));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("definitionErrors")
    void aDefinitionErrorNamesTheKey(String key, Object value, String message) {
        Map<String, Object> keys = new HashMap<>(Map.of("provider", "anthropic", "model", "claude-haiku-4-5"));
        keys.put(key, value);

        List<SettingProblem> problems = problems(keys);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(key);
            assertThat(problem.message()).contains(message);
        });
    }

    static Stream<Arguments> definitionErrors() {
        return Stream.of(
                arguments("provider", "gemini", "'gemini' is not a provider: write anthropic or openai"),
                arguments("baseUrl", "ftp://models.example", "is not an http(s) address"),
                arguments("baseUrl", "localhost:11434", "is not an http(s) address"),
                arguments("baseUrl", "http://models.example/v1?key=x", "without a query"),
                arguments("baseUrl", "http://exa mple", "is not an address"),
                arguments("model", "", "an http agent needs a model"),
                arguments("maxTokens", 0L, "0 is out of range"),
                arguments("maxTokens", "lots", "'lots' is not a whole number"),
                arguments("temperature", 3.5, "3.5 is out of range 0.0..2.0"),
                arguments("temperature", "hot", "'hot' is not a number"),
                arguments("maxOutput", "big", "'big' is not a size"),
                arguments("apiKeyEnv", "my key", "must name the environment variable"));
    }

    @Test
    void aMissingProviderOrModelIsAnError() {
        assertThat(problems(Map.of("model", "claude-haiku-4-5"))).extracting(SettingProblem::field).containsExactly("provider");
        assertThat(problems(Map.of("provider", "openai"))).extracting(SettingProblem::field).containsExactly("model");
    }

    @Test
    void aKeyWrittenInTheFileIsRefusedWithoutBeingRepeated() {
        String key = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345";

        List<SettingProblem> underAKeyName = problems(Map.of("provider", "anthropic", "model", "m", "apiKey", key));
        List<SettingProblem> asText = problems(Map.of("provider", "anthropic", "model", "m", "apiKeyEnv", key));
        List<SettingProblem> elsewhere = problems(Map.of("provider", "openai", "model", "m", "headers",
                Map.of("Authorization", "Bearer sk-proj-AbCdEfGhIjKlMnOpQrStUvWx")));

        assertThat(underAKeyName).extracting(SettingProblem::field).containsExactly("apiKey");
        assertThat(asText).extracting(SettingProblem::field).contains("apiKeyEnv");
        assertThat(elsewhere).extracting(SettingProblem::field).containsExactly("headers");
        assertThat(underAKeyName.get(0).message()).contains("must not be written in a definition file", "apiKeyEnv");
        Stream.of(underAKeyName, asText, elsewhere).flatMap(List::stream)
                .forEach(problem -> assertThat(problem.message()).doesNotContain("sk-"));
    }

    private HttpAgentSpec spec(Map<String, Object> keys) {
        AgentSettings settings = new AgentSettings(new HashMap<>(keys), Map.of());
        HttpAgent agent = (HttpAgent) kind.prepare(HttpAgentTests.definition(settings), settings);
        assertThat(settings.problems()).isEmpty();
        return agent.spec();
    }

    private List<SettingProblem> problems(Map<String, Object> keys) {
        AgentSettings settings = new AgentSettings(new HashMap<>(keys), Map.of());
        kind.prepare(HttpAgentTests.definition(settings), settings);
        return settings.problems();
    }
}
