/** Workflow and agent definitions: reading the files, resolving agents, validating everything at once. */
package org.perfect21.workflow;
