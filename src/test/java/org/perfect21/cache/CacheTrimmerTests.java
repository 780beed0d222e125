package org.perfect21.cache;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The trimmer reaches every Trimmable bean, and one failing cache does not stop the others. */
class CacheTrimmerTests {

    @Test
    void trimsEveryCacheAndReportsWhatEachDropped() {
        AtomicInteger calls = new AtomicInteger();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("templates", trimmable("templates", () -> {
            calls.incrementAndGet();
            return 12;
        }));
        beans.registerSingleton("broken", trimmable("broken", () -> {
            throw new IllegalStateException("cannot");
        }));
        beans.registerSingleton("results", trimmable("results", () -> {
            calls.incrementAndGet();
            return 0;
        }));

        var trimmed = new CacheTrimmer(beans.getBeanProvider(Trimmable.class)).trimAll();

        assertThat(trimmed).containsExactlyInAnyOrder(new CacheTrimmer.Trimmed("templates", 12),
                new CacheTrimmer.Trimmed("broken", -1), new CacheTrimmer.Trimmed("results", 0));
        assertThat(calls).hasValue(2);
    }

    @Test
    void withoutCachesThereIsNothingToTrim() {
        assertThat(new CacheTrimmer(new DefaultListableBeanFactory().getBeanProvider(Trimmable.class)).trimAll()).isEmpty();
    }

    private static Trimmable trimmable(String name, java.util.function.LongSupplier trim) {
        return new Trimmable() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long trim() {
                return trim.getAsLong();
            }
        };
    }
}
