package org.perfect21.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Identifies one cacheable agent call. {@code digest} is the SHA-256 hex (64 characters) of the agent's
 * name and the parts, each length-prefixed so that parts cannot run together ({@code "ab","c"} and
 * {@code "a","bc"} differ). The agent is in the digest too, so the digest alone is the cold tier's key.
 *
 * @param agent  the agent's name (for reports; the digest already covers it)
 * @param digest lower-case hex SHA-256
 */
public record CacheKey(String agent, String digest) {

    private static final HexFormat HEX = HexFormat.of();

    public CacheKey {
        Objects.requireNonNull(agent, "agent");
        if (digest == null || digest.length() != 64 || !digest.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a cache key's digest is 64 hex characters, not " + digest);
        }
        digest = digest.toLowerCase(Locale.ROOT);
    }

    /**
     * The key of an agent call from what determines its result, e.g. the kind and definition fingerprint,
     * the rendered instruction and the parameters as JSON. A null part differs from an empty one.
     */
    public static CacheKey of(String agent, List<String> parts) {
        Objects.requireNonNull(agent, "agent");
        MessageDigest sha256 = sha256();
        update(sha256, agent);
        for (String part : parts) {
            update(sha256, part);
        }
        return new CacheKey(agent, HEX.formatHex(sha256.digest()));
    }

    // Length first (-1 for null), then the UTF-8 bytes: no two different part lists give the same byte stream.
    private static void update(MessageDigest sha256, String part) {
        byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(part == null ? -1 : bytes.length).array());
        sha256.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
