package org.perfect21.api.problem;

import org.perfect21.api.ApiProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the body-size limit ahead of Spring Security's filter chain (order -100). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BodySizeLimitConfiguration {

    /** After the observation filter (so a 413 is counted), before security (so it does not depend on the token). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ApiProperties properties, ProblemResponseWriter problems) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize(), problems));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
