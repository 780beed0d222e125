/**
 * What the kinds that run a local program share (the {@code command} and {@code claude} kinds): the process watched
 * on the agent executor, its output streams captured within bounds, its tree killed when the attempt ends early.
 */
package org.perfect21.agent.process;
