package org.perfect21.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API.
 *
 * @param maxBodySize largest request body accepted; larger ones are answered 413 ({@code perfect21.api.max-body-size})
 */
@ConfigurationProperties("perfect21.api")
public record ApiProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
