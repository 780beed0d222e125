/** The run history: runs, phases and agent results in the platform's tables, and the run document read from them. */
package org.perfect21.history;
