package org.perfect21.api.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A bearer token as presented (unauthenticated, holding the token) or as accepted (authenticated, holding
 * only the name of the configured entry and its role).
 */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    private String token;
    private final String name;

    private BearerTokenAuthentication(String token, String name, Role role) {
        super(role == null ? List.of() : List.of(role.authority()));
        this.token = token;
        this.name = name;
        super.setAuthenticated(role != null);
    }

    static BearerTokenAuthentication presented(String token) {
        return new BearerTokenAuthentication(token, "bearer", null);
    }

    static BearerTokenAuthentication accepted(ConfiguredToken configured) {
        return new BearerTokenAuthentication(null, configured.name(), configured.role());
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only the token provider marks a bearer token authenticated");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        token = null;
        super.eraseCredentials();
    }

    @Override
    public String toString() {
        // Never the token: this may end up in a log line.
        return "BearerTokenAuthentication[" + name + ", " + getAuthorities() + ", authenticated=" + isAuthenticated() + "]";
    }
}
