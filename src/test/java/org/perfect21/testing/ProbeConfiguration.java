package org.perfect21.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the {@code probe} agent kind beside the real ones. */
@TestConfiguration
public class ProbeConfiguration {

    @Bean
    ProbeAgentKind probeAgentKind() {
        return new ProbeAgentKind();
    }
}
