package org.perfect21.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error answer an operation can give, documented in OpenAPI as an RFC 9457 problem by
 * {@link ProblemDocumentation} (which adds the answers every operation can give: 401, 403, 500).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ApiProblem.List.class)
@interface ApiProblem {

    int status();

    String description();

    /** Container of repeated {@link ApiProblem}s. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        ApiProblem[] value();
    }
}
