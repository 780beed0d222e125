/** The {@code git} agent kind: an in-process snapshot of a repository, as JSON. */
package org.perfect21.agent.git;
