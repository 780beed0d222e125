/**
 * The REST API: controllers, and the infrastructure around them (bearer-token security in
 * {@code api.security}, RFC 9457 problem responses and request limits in {@code api.problem}, OpenAPI).
 */
package org.perfect21.api;
