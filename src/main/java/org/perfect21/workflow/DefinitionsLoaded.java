package org.perfect21.workflow;

/** Published when the catalog has loaded the jobs directory (at first use, and after a file changed). */
public record DefinitionsLoaded(Definitions definitions) {
}
