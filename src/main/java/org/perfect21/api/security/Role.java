package org.perfect21.api.security;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The roles a token can carry, weakest first; each includes the ones before it. */
public enum Role {
    /** Reads workflows and runs. */
    VIEWER,
    /** Also launches, stops and restarts runs. */
    OPERATOR,
    /** Also the admin endpoints, metrics and Prometheus. */
    ADMIN;

    /** The name used in {@code perfect21.tokens} and in messages: {@code viewer}, {@code operator}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role as Spring Security sees it ({@code hasRole("OPERATOR")} checks {@code ROLE_OPERATOR}). */
    public SimpleGrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    static Optional<Role> fromLabel(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    static Optional<Role> fromAuthority(String authority) {
        for (Role role : values()) {
            if (role.authority().getAuthority().equals(authority)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
