package org.perfect21.agent.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.core.ClientOptions;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.completions.CompletionUsage;
import org.perfect21.usage.Usage;

/**
 * One request to an OpenAI-compatible Chat Completions API (OpenAI, Ollama, vLLM, llama.cpp) through OpenAI's
 * official SDK: the body as the system message, the instruction as the user message.
 */
final class OpenAiCall {

    private static final JsonMapper JSON = ObjectMappers.jsonMapper();

    private OpenAiCall() {
    }

    /** {@code key} null: the server takes none, and the SDK is given none (it reads no variable itself). */
    static CompletableFuture<ModelReply> ask(HttpAgentSpec spec, SdkTransport transport, String key, String system, String instruction) {
        ClientOptions.Builder options = ClientOptions.builder().httpClient(transport).sleeper(transport)
                .streamHandlerExecutor(Runnable::run).jsonMapper(JSON).checkJacksonVersionCompatibility(false)
                .baseUrl(spec.baseUrl()).maxRetries(0).disableTelemetry(true);
        // The SDK insists on a credential; for a server without keys (Ollama, a local vLLM) the transport drops it.
        options.apiKey(key != null ? key : SdkTransport.NO_KEY);
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(spec.model())
                .maxTokens(spec.maxTokens());
        if (!system.isEmpty()) {
            params.addSystemMessage(system);
        }
        params.addUserMessage(instruction);
        if (spec.temperature() != null) {
            params.temperature(spec.temperature());
        }
        return new OpenAIClientAsyncImpl(options.build()).chat().completions().create(params.build()).thenApply(OpenAiCall::reply);
    }

    private static ModelReply reply(ChatCompletion completion) {
        List<ChatCompletion.Choice> choices = completion.choices();
        if (choices.isEmpty()) {
            throw new OpenAIInvalidDataException("the answer has no choices", null);
        }
        ChatCompletionMessage message = choices.get(0).message();
        String text = message.content().or(message::refusal).orElse("");
        Usage usage = completion.usage().map(OpenAiCall::usage).orElse(Usage.UNKNOWN);
        return new ModelReply(text, usage, completion.model());
    }

    /** OpenAI counts cached prompt tokens inside {@code prompt_tokens}; {@link Usage} keeps them apart. */
    private static Usage usage(CompletionUsage usage) {
        Long cached = usage.promptTokensDetails().flatMap(CompletionUsage.PromptTokensDetails::cachedTokens).orElse(null);
        long prompt = usage.promptTokens() - (cached == null ? 0 : cached);
        return new Usage(Math.max(0, prompt), usage.completionTokens(), cached, null, null);
    }
}
