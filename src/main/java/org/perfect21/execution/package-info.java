/** Turning workflows into Spring Batch jobs and running them: phases as partitioned steps, agents on one executor. */
package org.perfect21.execution;
