package org.perfect21.cache;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Trims every {@link Trimmable} bean; one failing cache does not keep the others from trimming. */
@Component
public class CacheTrimmer {

    private static final Logger log = LoggerFactory.getLogger(CacheTrimmer.class);

    private final ObjectProvider<Trimmable> caches;

    public CacheTrimmer(ObjectProvider<Trimmable> caches) {
        this.caches = caches;
    }

    /**
     * What one cache gave back.
     *
     * @param cache   its name
     * @param dropped entries dropped; -1 when trimming failed
     */
    public record Trimmed(String cache, long dropped) {
    }

    /** Trims all caches; says what each dropped. */
    public List<Trimmed> trimAll() {
        List<Trimmed> trimmed = new ArrayList<>();
        caches.orderedStream().forEach(cache -> {
            try {
                trimmed.add(new Trimmed(cache.name(), cache.trim()));
            } catch (RuntimeException e) {
                log.warn("Trimming cache {} failed: {}", cache.name(), e.toString());
                trimmed.add(new Trimmed(cache.name(), -1));
            }
        });
        return trimmed;
    }
}
