/**
 * The command line's live view of a run: the engine's run events (or, for {@code watch}, snapshots read from the
 * database) handed off to the command's own thread, which redraws a status block on a terminal or prints one line
 * per event elsewhere. Engine threads only enqueue; nothing here sleeps or keeps a thread of its own.
 */
package org.perfect21.cli.live;
