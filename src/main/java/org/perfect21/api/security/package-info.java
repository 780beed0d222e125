/**
 * Bearer-token security of the server: tokens from {@code perfect21.tokens} with the roles viewer &lt;
 * operator &lt; admin, a generated admin token and loopback binding when none are configured, and 401/403
 * answers as problem documents.
 */
package org.perfect21.api.security;
