package org.perfect21.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Without configured tokens the server listens on 127.0.0.1 only, unless {@code server.address} was set on
 * purpose (then it is kept, with a warning). It runs after Boot's own customizer, which applies
 * {@code server.address}.
 */
final class LoopbackBindingCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(LoopbackBindingCustomizer.class);

    /** IPv4 loopback, as documented, even where the JVM prefers IPv6. */
    static final InetAddress LOOPBACK = loopback();

    private final boolean tokensConfigured;
    private final Environment environment;

    LoopbackBindingCustomizer(boolean tokensConfigured, Environment environment) {
        this.tokensConfigured = tokensConfigured;
        this.environment = environment;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (tokensConfigured) {
            return;
        }
        String address = environment.getProperty("server.address");
        if (address != null && !address.isBlank()) {
            log.warn("No perfect21.tokens configured and server.address={} set explicitly: the generated admin token "
                    + "is the only credential of a server that may be reachable from other machines", address);
            return;
        }
        factory.setAddress(LOOPBACK);
        log.info("No perfect21.tokens configured: listening on {} only", LOOPBACK.getHostAddress());
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
