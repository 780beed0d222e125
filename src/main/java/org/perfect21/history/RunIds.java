package org.perfect21.history;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New run ids: time-ordered UUIDs (version 7, RFC 9562) whose random bits come from the thread's own
 * generator. {@link UUID#randomUUID()} reads one process-wide SecureRandom under a lock; with 50
 * clients launching at once, that lock was the launch path's largest wait. Run ids identify runs; they
 * are not secrets (every request is authenticated), so they need no cryptographic randomness.
 */
public final class RunIds {

    private RunIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
