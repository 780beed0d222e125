package org.perfect21.api.security;

import java.util.List;

import org.perfect21.api.problem.ProblemResponseWriter;
import org.perfect21.config.Perfect21Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Bearer-token security of the server. Open: health, the OpenAPI document and Swagger UI, the error page.
 * Admin: the other actuator endpoints and {@code /api/admin/**}. Operator: any {@code /api/**} request that
 * changes something (POST, and any other method but GET and HEAD). Viewer: the rest.
 * Only for a servlet web application: the command-line commands run without a web server and need none of it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** admin ⊃ operator ⊃ viewer. Static, as Spring Security recommends for this bean. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.OPERATOR.name())
                .role(Role.OPERATOR.name()).implies(Role.VIEWER.name())
                .build();
    }

    /** The accepted tokens; with none configured, the generated (or earlier generated) admin token. */
    @Bean
    BearerTokenAuthenticationProvider bearerTokenAuthenticationProvider(TokenProperties properties,
            Perfect21Properties perfect21) {
        List<ConfiguredToken> tokens = properties.parse();
        if (tokens.isEmpty()) {
            AdminTokenFile.AdminToken admin = AdminTokenFile.loadOrCreate(perfect21.dataDir(), System.out);
            log.info("No perfect21.tokens configured: one admin token, kept in {}", admin.file());
            return new BearerTokenAuthenticationProvider(List.of(ConfiguredToken.of(Role.ADMIN, admin.token(), 0)));
        }
        BearerTokenAuthenticationProvider provider = new BearerTokenAuthenticationProvider(tokens);
        log.info("Bearer tokens from perfect21.tokens: {}", provider.summary());
        return provider;
    }

    @Bean
    LoopbackBindingCustomizer loopbackBindingCustomizer(TokenProperties properties, Environment environment) {
        return new LoopbackBindingCustomizer(!properties.parse().isEmpty(), environment);
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, BearerTokenAuthenticationProvider tokens,
            ProblemResponseWriter problems) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        // Not a bean: Boot would register a Filter bean a second time, outside the security chain.
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens),
                new BearerTokenAuthenticationConverter());
        bearer.setSuccessHandler((request, response, authentication) -> {
            // Continue the chain (the default handler would redirect).
        });
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        bearer.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());

        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAt(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        // Reports read the whole history, errors and outputs included: admins only.
                        .requestMatchers("/api/reports", "/api/reports/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .build();
    }
}
