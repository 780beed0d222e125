package org.perfect21.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class LoopbackBindingCustomizerTests {

    private final ConfigurableWebServerFactory factory = mock(ConfigurableWebServerFactory.class);

    @Test
    void withoutTokensTheServerListensOnTheIpv4LoopbackOnly() {
        new LoopbackBindingCustomizer(false, new MockEnvironment()).customize(factory);

        verify(factory).setAddress(LoopbackBindingCustomizer.LOOPBACK);
        assertThat(LoopbackBindingCustomizer.LOOPBACK.getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void withTokensTheAddressIsLeftAlone() {
        new LoopbackBindingCustomizer(true, new MockEnvironment()).customize(factory);

        verify(factory, never()).setAddress(any());
    }

    @Test
    void anExplicitServerAddressIsKeptEvenWithoutTokens() {
        new LoopbackBindingCustomizer(false, new MockEnvironment().withProperty("server.address", "0.0.0.0"))
                .customize(factory);

        verify(factory, never()).setAddress(any());
    }
}
