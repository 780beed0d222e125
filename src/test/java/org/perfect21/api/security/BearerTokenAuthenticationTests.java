package org.perfect21.api.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokenAuthenticationTests {

    private final BearerTokenAuthenticationProvider provider = new BearerTokenAuthenticationProvider(
            new TokenProperties("viewer:the-viewer,operator:the-operator").parse());
    private final BearerTokenAuthenticationConverter converter = new BearerTokenAuthenticationConverter();

    @Test
    void aConfiguredTokenAuthenticatesWithItsRoleAndANameThatIsNotTheToken() {
        Authentication result = provider.authenticate(converter.convert(withAuthorization("Bearer the-operator")));

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_OPERATOR");
        assertThat(result.getName()).isEqualTo("operator#2");
        assertThat(result.getCredentials()).isNull();
        assertThat(result.toString()).doesNotContain("the-operator");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        Authentication result = provider.authenticate(converter.convert(withAuthorization("bearer the-viewer")));

        assertThat(result.getName()).isEqualTo("viewer#1");
    }

    @Test
    void anUnknownTokenIsRejected() {
        Authentication presented = converter.convert(withAuthorization("Bearer the-admin"));

        assertThatThrownBy(() -> provider.authenticate(presented)).isInstanceOf(BadCredentialsException.class)
                .hasMessageNotContaining("the-admin");
        assertThat(presented.toString()).doesNotContain("the-admin");
    }

    @Test
    void noHeaderIsAnonymousAndAnotherSchemeIsRejected() {
        assertThat(converter.convert(new MockHttpServletRequest())).isNull();
        assertThatThrownBy(() -> converter.convert(withAuthorization("Basic dXNlcjpwYXNz")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> converter.convert(withAuthorization("Bearer  ")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void theSummaryCountsRolesWithoutTokens() {
        assertThat(provider.summary()).isEqualTo("1 viewer, 1 operator, 0 admin");
        assertThat(new BearerTokenAuthenticationProvider(List.of()).summary()).isEqualTo("0 viewer, 0 operator, 0 admin");
    }

    private static MockHttpServletRequest withAuthorization(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", value);
        return request;
    }
}
