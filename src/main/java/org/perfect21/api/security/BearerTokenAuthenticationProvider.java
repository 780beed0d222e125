package org.perfect21.api.security;

import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Accepts a presented bearer token that is one of the configured ones. The presented token's digest is
 * compared with every configured digest, without stopping at a match, so the time taken does not tell which
 * token (or how much of one) matched.
 */
public final class BearerTokenAuthenticationProvider implements AuthenticationProvider {

    private final List<ConfiguredToken> tokens;

    public BearerTokenAuthenticationProvider(List<ConfiguredToken> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = (String) authentication.getCredentials();
        byte[] digest = ConfiguredToken.sha256(presented == null ? "" : presented);
        ConfiguredToken match = null;
        for (ConfiguredToken candidate : tokens) {
            boolean equal = MessageDigest.isEqual(candidate.digest(), digest);
            match = equal ? candidate : match;
        }
        if (match == null) {
            throw new BadCredentialsException("invalid bearer token");
        }
        return BearerTokenAuthentication.accepted(match);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthentication.class.isAssignableFrom(authentication);
    }

    /** How many tokens of each role there are, for the startup log. */
    String summary() {
        StringBuilder text = new StringBuilder();
        for (Role role : Role.values()) {
            long count = tokens.stream().filter(t -> t.role() == role).count();
            text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(role.label());
        }
        return text.toString();
    }
}
