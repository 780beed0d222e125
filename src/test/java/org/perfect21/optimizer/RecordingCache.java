package org.perfect21.optimizer;

import java.util.concurrent.atomic.AtomicInteger;

import org.perfect21.cache.Trimmable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A cache that only counts how often it is trimmed. */
class RecordingCache implements Trimmable {

    final AtomicInteger trims = new AtomicInteger();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public long trim() {
        trims.incrementAndGet();
        return 3;
    }

    /** Registers the recording cache as a bean. */
    @TestConfiguration
    static class Config {

        @Bean
        RecordingCache recordingCache() {
            return new RecordingCache();
        }
    }
}
