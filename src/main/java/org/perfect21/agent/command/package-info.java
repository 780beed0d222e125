/** The {@code command} agent kind: a local program run from an argv list, never through a shell. */
package org.perfect21.agent.command;
