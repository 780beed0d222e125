package org.perfect21.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An accepted token, kept only as its SHA-256 digest: digests have one length, so comparing them takes the
 * same time whatever the presented token is.
 *
 * @param role     the token's role
 * @param digest   SHA-256 of the token's UTF-8 bytes
 * @param position the entry's position in {@code perfect21.tokens} (1-based), or 0 for the generated admin token
 */
public record ConfiguredToken(Role role, byte[] digest, int position) {

    static ConfiguredToken of(Role role, String token, int position) {
        return new ConfiguredToken(role, sha256(token), position);
    }

    /** A name for logs and the security context that does not reveal the token, e.g. {@code operator#2}. */
    String name() {
        return position == 0 ? "generated-admin" : role.label() + "#" + position;
    }

    boolean sameTokenAs(ConfiguredToken other) {
        return MessageDigest.isEqual(digest, other.digest);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ConfiguredToken[" + name() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfiguredToken other && role == other.role && position == other.position && sameTokenAs(other);
    }

    @Override
    public int hashCode() {
        return role.hashCode() * 31 + position;
    }
}
