package org.perfect21.agent.http;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.anthropic.client.AnthropicClientAsyncImpl;
import com.anthropic.core.ClientOptions;
import com.anthropic.core.JsonValue;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.TextBlock;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.perfect21.usage.Usage;

/** One request to the Anthropic Messages API through the official SDK: the body as system prompt, the instruction as the user message. */
final class AnthropicCall {

    private static final JsonMapper JSON = ObjectMappers.jsonMapper();

    private AnthropicCall() {
    }

    /** {@code key} null: the server takes none, and the SDK is given none (it reads no variable itself). */
    static CompletableFuture<ModelReply> ask(HttpAgentSpec spec, SdkTransport transport, String key, String system, String instruction) {
        ClientOptions.Builder options = ClientOptions.builder().httpClient(transport).sleeper(transport)
                .completionExecutor(Runnable::run).streamHandlerExecutor(Runnable::run)
                .jsonMapper(JSON).checkJacksonVersionCompatibility(false).baseUrl(spec.baseUrl()).maxRetries(0);
        if (key != null) {
            // The core SDK's credential setters are Kotlin-internal; the Messages API takes the key in this header.
            options.putHeader("x-api-key", key);
        }
        MessageCreateParams.Builder params = MessageCreateParams.builder().model(spec.model()).maxTokens(spec.maxTokens())
                .addUserMessage(instruction);
        if (!system.isEmpty()) {
            params.system(system);
        }
        if (spec.temperature() != null) {
            params.putAdditionalBodyProperty("temperature", JsonValue.from(spec.temperature()));
        }
        return new AnthropicClientAsyncImpl(options.build()).messages().create(params.build()).thenApply(AnthropicCall::reply);
    }

    private static ModelReply reply(Message message) {
        String text = message.content().stream().flatMap(block -> block.text().stream()).map(TextBlock::text)
                .collect(Collectors.joining());
        com.anthropic.models.messages.Usage usage = message.usage();
        return new ModelReply(text, new Usage(usage.inputTokens(), usage.outputTokens(), usage.cacheReadInputTokens().orElse(null),
                usage.cacheCreationInputTokens().orElse(null), null), message.model().asString());
    }
}
