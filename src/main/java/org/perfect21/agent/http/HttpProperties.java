package org.perfect21.agent.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * LLM HTTP agents ({@code perfect21.agents.http.*}).
 *
 * @param connectTimeout how long connecting to a model server may take
 * @param maxAnswer      the most of a server's answer read; a larger answer fails the attempt (an agent's
 *                       {@code maxOutput} caps the text it keeps, within this)
 */
@Validated
@ConfigurationProperties("perfect21.agents.http")
public record HttpProperties(
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("5MB") DataSize maxAnswer) {
}
