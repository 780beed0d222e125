package org.perfect21.cache;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The digest is stable, covers the agent, and parts cannot run together. */
class CacheKeyTests {

    @Test
    void theSamePartsGiveTheSameSixtyFourHexDigest() {
        CacheKey key = CacheKey.of("reviewer", List.of("command:abc123", "Review {{file}}", "{\"file\":\"a.java\"}"));

        assertThat(key).isEqualTo(CacheKey.of("reviewer", List.of("command:abc123", "Review {{file}}", "{\"file\":\"a.java\"}")));
        assertThat(key.agent()).isEqualTo("reviewer");
        assertThat(key.digest()).hasSize(64).matches("[0-9a-f]{64}");
        // Pinned (each part as a 4-byte big-endian UTF-8 length, then its bytes, the agent first): a digest that
        // changed between versions would turn every stored row into a miss.
        assertThat(CacheKey.of("reviewer", List.of("command:abc123", "Review x", "{}")).digest())
                .isEqualTo("a0ef73d97a9b6103e366c19fb892f6097bfa2b94479b3f6e01d07657d5c3f19b");
    }

    @Test
    void partsCannotRunTogether() {
        assertThat(CacheKey.of("agent", List.of("ab", "c"))).isNotEqualTo(CacheKey.of("agent", List.of("a", "bc")));
        assertThat(CacheKey.of("agent", List.of("abc"))).isNotEqualTo(CacheKey.of("agent", List.of("ab", "c")));
        assertThat(CacheKey.of("ab", List.of("c"))).isNotEqualTo(CacheKey.of("a", List.of("bc")));
        assertThat(CacheKey.of("agent", List.of("", "x"))).isNotEqualTo(CacheKey.of("agent", List.of("x", "")));
        assertThat(CacheKey.of("agent", Arrays.asList((String) null))).isNotEqualTo(CacheKey.of("agent", List.of("")));
    }

    @Test
    void theAgentIsPartOfTheDigest() {
        assertThat(CacheKey.of("one", List.of("same")).digest()).isNotEqualTo(CacheKey.of("two", List.of("same")).digest());
    }

    @Test
    void aKeyIsBuiltOnlyFromAHexDigest() {
        assertThatThrownBy(() -> new CacheKey("agent", "abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheKey("agent", "z".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CacheKey("agent", "AB".repeat(32)).digest()).isEqualTo("ab".repeat(32));
    }
}
