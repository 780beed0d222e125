/** Perfect21: multi-agent workflows as partitioned Spring Batch jobs. */
package org.perfect21;
