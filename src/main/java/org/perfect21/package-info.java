/**
 * Perfect21: multi-agent workflows as partitioned Spring Batch jobs. This package holds only the application
 * class, which hands itself to the command line; every feature is a module beneath it (see {@code src/docs/architecture.md}).
 */
package org.perfect21;
