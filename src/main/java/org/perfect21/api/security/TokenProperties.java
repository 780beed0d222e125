package org.perfect21.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's bearer tokens.
 *
 * @param tokens comma-separated {@code role:token} pairs, role one of viewer, operator, admin
 *               ({@code perfect21.tokens}, environment {@code PERFECT21_TOKENS}); none means a generated admin
 *               token and a server bound to 127.0.0.1
 */
@ConfigurationProperties("perfect21")
public record TokenProperties(String tokens) {

    /**
     * The configured tokens. A bad entry fails with a message naming its position, never its text: the text
     * may be a token.
     */
    public List<ConfiguredToken> parse() {
        List<ConfiguredToken> parsed = new ArrayList<>();
        if (tokens == null || tokens.isBlank()) {
            return parsed;
        }
        String[] entries = tokens.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int position = i + 1;
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw invalid(position, entries.length, "it must look like role:token");
            }
            Role role = Role.fromLabel(entry.substring(0, colon).strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> invalid(position, entries.length, "its role is not viewer, operator or admin"));
            String token = entry.substring(colon + 1).strip();
            if (token.isEmpty()) {
                throw invalid(position, entries.length, "its token is empty");
            }
            if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw invalid(position, entries.length, "its token contains whitespace");
            }
            ConfiguredToken configured = ConfiguredToken.of(role, token, position);
            for (ConfiguredToken earlier : parsed) {
                if (earlier.sameTokenAs(configured)) {
                    throw invalid(position, entries.length, "its token repeats the token of entry " + earlier.position());
                }
            }
            parsed.add(configured);
        }
        return parsed;
    }

    /** Never the tokens: this record may be logged or shown. */
    @Override
    public String toString() {
        return "TokenProperties[tokens=" + (tokens == null || tokens.isBlank() ? "none" : "(hidden)") + "]";
    }

    private static IllegalStateException invalid(int position, int count, String reason) {
        return new IllegalStateException("perfect21.tokens: entry " + position + " of " + count + " is invalid: " + reason
                + " (entries are role:token with role viewer, operator or admin; the entry is not shown as it may hold a token)");
    }
}
