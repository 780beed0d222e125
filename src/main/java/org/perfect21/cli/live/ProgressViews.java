package org.perfect21.cli.live;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Picks the view for a command's output: the status block on a real terminal, event lines anywhere else. */
final class ProgressViews {

    private ProgressViews() {
    }

    static ProgressView forOutput(PrintStream out) {
        // Only the process's own stdout can be a terminal, and Java 17 has a console only when stdin and stdout are ttys.
        if (out != System.out || System.console() == null) {
            return new EventLines(out, ZoneId.systemDefault());
        }
        Terminal terminal;
        try {
            // nativeSignals(false): JLine would otherwise put Ctrl-C back to the OS default and skip the JVM's shutdown
            // hooks, which stop the run so it ends STOPPED. The size is read at each redraw instead of on SIGWINCH.
            terminal = TerminalBuilder.builder().system(true).nativeSignals(false).dumb(true).build();
        } catch (IOException | RuntimeException e) {
            return new EventLines(out, ZoneId.systemDefault());
        }
        return forTerminal(terminal, out);
    }

    /** The status block, unless the terminal cannot move its cursor (JLine's dumb terminal). */
    static ProgressView forTerminal(Terminal terminal, PrintStream out) {
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            try {
                terminal.close();
            } catch (IOException e) {
                // Nothing was drawn on it; the lines go to out.
            }
            return new EventLines(out, ZoneId.systemDefault());
        }
        return new TerminalView(terminal, out);
    }
}
