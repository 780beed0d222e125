package org.perfect21.cache;

/**
 * A cache that can drop entries it can rebuild, to give heap back. Implementations are beans;
 * {@link CacheTrimmer} finds them all. Caches that must stay whole (such as the loaded definitions)
 * are not trimmable.
 */
public interface Trimmable {

    /** Names the cache in logs and optimizer decisions. */
    String name();

    /**
     * Drops what can be rebuilt. Called from a JMX notification thread or the optimizer's job: it must
     * be quick and must not block.
     *
     * @return how many entries were dropped
     */
    long trim();
}
