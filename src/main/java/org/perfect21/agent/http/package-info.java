/**
 * The {@code http} agent kind: an LLM called over its HTTP API (Anthropic Messages, or OpenAI-compatible Chat
 * Completions) through the providers' official Java SDKs, all over one asynchronous JDK HTTP client.
 */
package org.perfect21.agent.http;
