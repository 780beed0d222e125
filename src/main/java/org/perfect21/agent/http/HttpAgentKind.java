package org.perfect21.agent.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKind;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.usage.ModelPrices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * {@code kind: http}: one request to an LLM's HTTP API per attempt, the body as system prompt and the instruction
 * as the user message. Keys: {@code provider} ({@code anthropic} or {@code openai}, the latter for every
 * OpenAI-compatible server), {@code baseUrl}, {@code model}, {@code maxTokens}, {@code temperature},
 * {@code apiKeyEnv} (the variable that holds the key; {@code none} for a server that takes none) and
 * {@code maxOutput}. A key written in the file is refused: it would sit in the repository and in the history.
 */
@Component
public class HttpAgentKind implements AgentKind {

    static final long DEFAULT_MAX_TOKENS = 4096;
    static final DataSize DEFAULT_MAX_OUTPUT = DataSize.ofMegabytes(1);

    /** Keys a person might write a key under. */
    private static final Set<String> KEY_FIELDS = Set.of("apikey", "api_key", "api-key", "key", "token", "authtoken",
            "auth_token", "auth-token", "secret", "password");
    /** Text that looks like an Anthropic or OpenAI key, wherever it is written. */
    private static final Pattern KEY_TEXT = Pattern.compile("\\bsk-(ant-|proj-|svcacct-)?[A-Za-z0-9_-]{20,}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ModelTransport transport;
    private final ModelPrices prices;
    private final UnaryOperator<String> variables;

    /** Keys are read from Spring's environment: the process's variables, or a property of that name (-DOPENAI_API_KEY=...). */
    @Autowired
    public HttpAgentKind(ModelTransport transport, ModelPrices prices, Environment environment) {
        this(transport, prices, environment::getProperty);
    }

    HttpAgentKind(ModelTransport transport, ModelPrices prices, UnaryOperator<String> variables) {
        this.transport = transport;
        this.prices = prices;
        this.variables = variables;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public AgentRunner prepare(AgentDefinition definition, AgentSettings settings) {
        refuseWrittenKeys(settings);
        Provider provider = provider(settings);
        String baseUrl = baseUrl(settings, provider);
        String model = settings.string("model");
        if (model == null || model.isBlank()) {
            settings.problem("model", "an http agent needs a model, e.g. model: claude-sonnet-4-5 or model: gpt-4o-mini");
        }
        Long maxTokens = settings.integer("maxTokens", 1, 10_000_000);
        Double temperature = settings.decimal("temperature", 0, 2);
        DataSize maxOutput = settings.dataSize("maxOutput");
        HttpAgentSpec spec = new HttpAgentSpec(provider, baseUrl, model, maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens,
                temperature, keyVariable(settings, provider), (maxOutput == null ? DEFAULT_MAX_OUTPUT : maxOutput).toBytes());
        return new HttpAgent(definition.name(), spec, transport, prices, variables);
    }

    private static Provider provider(AgentSettings settings) {
        String name = settings.string("provider");
        if (name == null) {
            settings.problem("provider", "an http agent needs a provider: anthropic or openai (also for OpenAI-compatible"
                    + " servers: Ollama, vLLM, llama.cpp)");
            return Provider.ANTHROPIC;
        }
        return Provider.named(name).orElseGet(() -> {
            settings.problem("provider", "'" + name + "' is not a provider: write anthropic or openai (also for"
                    + " OpenAI-compatible servers: Ollama, vLLM, llama.cpp)");
            return Provider.ANTHROPIC;
        });
    }

    private static String baseUrl(AgentSettings settings, Provider provider) {
        String url = settings.string("baseUrl");
        if (url == null) {
            return provider.defaultBaseUrl();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                settings.problem("baseUrl", "'" + url + "' is not an http(s) address, e.g. https://api.anthropic.com or"
                        + " http://localhost:11434/v1");
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                settings.problem("baseUrl", "must be a plain address, without a query, fragment or user name");
            }
        } catch (URISyntaxException e) {
            settings.problem("baseUrl", "'" + url + "' is not an address: " + e.getReason());
        }
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The variable that holds the key; null for {@code apiKeyEnv: none}. */
    private static String keyVariable(AgentSettings settings, Provider provider) {
        String variable = settings.string("apiKeyEnv");
        if (variable == null) {
            return provider.defaultKeyVariable();
        }
        if (variable.equals("none")) {
            return null;
        }
        if (!VARIABLE.matcher(variable).matches()) {
            // Not echoed: what is written here may be the key itself.
            settings.problem("apiKeyEnv", "must name the environment variable that holds the key (e.g. "
                    + provider.defaultKeyVariable() + "), or be none for a server that takes no key");
        }
        return variable;
    }

    private static void refuseWrittenKeys(AgentSettings settings) {
        settings.values().forEach((field, value) -> {
            if (KEY_FIELDS.contains(field.toLowerCase(Locale.ROOT)) || holdsKeyText(value)) {
                settings.problem(field, "an API key must not be written in a definition file (it would be in the repository"
                        + " and the run history): put it in an environment variable and name that with apiKeyEnv");
            }
        });
    }

    private static boolean holdsKeyText(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(HttpAgentKind::holdsKeyText);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(HttpAgentKind::holdsKeyText);
        }
        return value instanceof String text && KEY_TEXT.matcher(text).find();
    }
}
