package org.perfect21.agent.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The APIs an http agent can call, with where they are and which variable holds their key unless the agent says. */
enum Provider {

    /** The Anthropic Messages API: requests go to {@code {baseUrl}/v1/messages}. */
    ANTHROPIC("https://api.anthropic.com", "ANTHROPIC_API_KEY", "Anthropic Messages API"),
    /** OpenAI's Chat Completions API and the servers that speak it (Ollama, vLLM, llama.cpp): {@code {baseUrl}/chat/completions}. */
    OPENAI("https://api.openai.com/v1", "OPENAI_API_KEY", "OpenAI-compatible Chat Completions API");

    private final String defaultBaseUrl;
    private final String defaultKeyVariable;
    private final String api;

    Provider(String defaultBaseUrl, String defaultKeyVariable, String api) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultKeyVariable = defaultKeyVariable;
        this.api = api;
    }

    static Optional<Provider> named(String name) {
        return Arrays.stream(values()).filter(p -> p.key().equals(name)).findFirst();
    }

    /** The value of the {@code provider} key. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    String defaultKeyVariable() {
        return defaultKeyVariable;
    }

    /** The API's name, for messages. */
    String api() {
        return api;
    }
}
