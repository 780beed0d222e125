package org.perfect21.api.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenPropertiesTests {

    @Test
    void pairsAreParsedInOrderWithTheirPositions() {
        List<ConfiguredToken> tokens = new TokenProperties(" viewer:v1 , Operator:o1,,admin:a1").parse();

        assertThat(tokens).extracting(ConfiguredToken::role).containsExactly(Role.VIEWER, Role.OPERATOR, Role.ADMIN);
        assertThat(tokens).extracting(ConfiguredToken::position).containsExactly(1, 2, 4);
        assertThat(tokens.get(0).digest()).isEqualTo(ConfiguredToken.sha256("v1"));
    }

    @Test
    void noTokensIsAnEmptyList() {
        assertThat(new TokenProperties(null).parse()).isEmpty();
        assertThat(new TokenProperties("  ").parse()).isEmpty();
    }

    @Test
    void aTokenMayContainColons() {
        assertThat(new TokenProperties("admin:a:b:c").parse().get(0).digest()).isEqualTo(ConfiguredToken.sha256("a:b:c"));
    }

    @Test
    void badEntriesNameTheirPositionButNeverTheirText() {
        assertInvalid("viewer:ok-token,SECRET-WITHOUT-ROLE", "entry 2 of 2", "must look like role:token");
        assertInvalid("root:SECRET-TOKEN", "entry 1 of 1", "role is not viewer, operator or admin");
        assertInvalid("SECRET-TOKEN:admin", "entry 1 of 1", "role is not viewer, operator or admin");
        assertInvalid("admin:", "entry 1 of 1", "empty");
        assertInvalid("admin:SECRET TOKEN", "entry 1 of 1", "whitespace");
        assertInvalid("admin:SECRET-TOKEN,viewer:SECRET-TOKEN", "entry 2 of 2", "repeats the token of entry 1");
    }

    @Test
    void theRecordDoesNotPrintItsTokens() {
        assertThat(new TokenProperties("admin:SECRET-TOKEN")).asString().doesNotContain("SECRET");
    }

    private static void assertInvalid(String tokens, String... expected) {
        assertThatThrownBy(() -> new TokenProperties(tokens).parse())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("perfect21.tokens")
                .hasMessageContainingAll(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
    }
}
