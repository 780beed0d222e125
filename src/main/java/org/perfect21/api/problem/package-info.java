/**
 * Every 4xx and 5xx answer of the server as an RFC 9457 {@code application/problem+json} document, whether
 * it comes from Spring MVC, a servlet filter or the container, and never with a stack trace.
 */
package org.perfect21.api.problem;
