/**
 * The benchmark harness behind {@code ops/bench}: Perfect21 against a bare executor floor and a
 * plainly configured partitioned Spring Batch job, on the same simulated agents. Not a test suite:
 * no class here ends in {@code Tests}, so Surefire never runs it.
 */
package org.perfect21.bench;
