package org.perfect21.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent launches: a key names a launch, and the request it was used with is kept as a digest of the
 * workflow name and the canonical JSON of its parameters (map keys sorted), so a repeat is recognised
 * whatever the order of its fields.
 */
final class IdempotencyKeys {

    private final LaunchRecords records;
    private final JsonMapper canonical;

    IdempotencyKeys(LaunchRecords records, JsonMapper json) {
        this.records = records;
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /** The digest of a launch request. */
    String digest(String workflow, Map<String, ?> params) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(workflow.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonical.writeValueAsBytes(params == null ? Map.of() : params));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The earlier launch with this key, as a repeat; empty when the key is new.
     *
     * @throws IdempotencyConflictException when the key was used with another request
     */
    Optional<Launch> repeatOf(String key, String digest) {
        return records.findByIdempotencyKey(key).map(earlier -> {
            if (!digest.equals(earlier.requestDigest())) {
                throw new IdempotencyConflictException(earlier.runId());
            }
            return new Launch(earlier.runId(), earlier.status(), true);
        });
    }
}
