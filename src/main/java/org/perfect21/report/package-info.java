/**
 * Admin reports over the run history: plain SQL files ({@code db/reports/<name>.sql}) with a header naming their
 * title, description and typed parameters, run read-only with bound parameters. They read tables and know no
 * feature, so a report cannot reach into the engine.
 */
@ApplicationModule(displayName = "Admin reports", allowedDependencies = {})
package org.perfect21.report;

import org.springframework.modulith.ApplicationModule;
