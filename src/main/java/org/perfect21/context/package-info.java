/**
 * The run context: agent outputs of finished phases, kept under a budget of bytes and estimated
 * tokens, persisted with the run and passed to later phases' instructions. Oldest entries are evicted
 * first; a run never fails because of its context's size.
 */
package org.perfect21.context;
