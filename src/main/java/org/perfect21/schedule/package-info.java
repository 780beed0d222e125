/**
 * Quartz-fired launches of scheduled workflows: triggers kept in step with the definitions (on their
 * {@code DefinitionsLoaded} event), pause and resume. A fire is an ordinary launch through the queue.
 */
@ApplicationModule(displayName = "Schedules", allowedDependencies = {"launch", "workflow"})
package org.perfect21.schedule;

import org.springframework.modulith.ApplicationModule;
