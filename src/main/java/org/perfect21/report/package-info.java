/**
 * Admin reports over the run history: plain SQL files ({@code db/reports/<name>.sql}) with a header
 * naming their title, description and typed parameters, run read-only with bound parameters.
 */
package org.perfect21.report;
