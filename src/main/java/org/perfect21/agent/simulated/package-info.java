/** The {@code simulated} agent kind: timed, sized, seeded stand-ins for real agents. */
package org.perfect21.agent.simulated;
