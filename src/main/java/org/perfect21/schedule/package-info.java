/** Quartz-fired launches of scheduled workflows: triggers kept in step with the definitions, pause and resume. */
package org.perfect21.schedule;
