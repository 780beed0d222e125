package org.perfect21.agent.http;

import org.perfect21.usage.Usage;

/**
 * What a model answered, whatever the provider.
 *
 * @param text  the answer's text
 * @param usage the tokens it reported (no cost yet: that comes from the price table)
 * @param model the model that answered, as the server names it
 */
record ModelReply(String text, Usage usage, String model) {
}
