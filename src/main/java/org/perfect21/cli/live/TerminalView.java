package org.perfect21.cli.live;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.Display;

/**
 * The view on a terminal: a status block (JLine's {@link Display}, which rewrites only the lines that changed)
 * redrawn in place as events arrive, at most every {@link #MIN_GAP}, and every {@link #CLOCK} while agents run so
 * their elapsed times move. Closing takes the block off the screen for the run's table.
 */
final class TerminalView implements ProgressView {

    /** Redraws closer together would only cost the terminal; events in between are drawn together. */
    static final Duration MIN_GAP = Duration.ofMillis(50);
    /** How often elapsed times move while nothing else happens. */
    static final Duration CLOCK = Duration.ofSeconds(1);

    private final Terminal terminal;
    private final PrintStream out;
    private final Display display;
    private final RunProgress progress = new RunProgress();
    private Instant lastDraw = Instant.EPOCH;
    private boolean changed;
    private boolean closed;

    /** @param out where the command prints the rest (the terminal's own stdout), used once JLine has let go of it */
    TerminalView(Terminal terminal, PrintStream out) {
        this.terminal = terminal;
        this.out = out;
        this.display = new Display(terminal, false);
    }

    @Override
    public Optional<Duration> show(List<Object> events, Instant now) {
        for (Object event : events) {
            changed |= progress.apply(event);
        }
        Duration sinceDraw = Duration.between(lastDraw, now);
        boolean clockDue = progress.anyRunning() && sinceDraw.compareTo(CLOCK) >= 0;
        if (!changed && !clockDue) {
            return progress.anyRunning() ? Optional.of(CLOCK.minus(sinceDraw)) : Optional.empty();
        }
        if (sinceDraw.compareTo(MIN_GAP) < 0) {
            return Optional.of(MIN_GAP.minus(sinceDraw));
        }
        draw(now);
        return progress.anyRunning() ? Optional.of(CLOCK) : Optional.empty();
    }

    @Override
    public void seed(List<Object> events) {
        events.forEach(progress::apply);
    }

    private void draw(Instant now) {
        if (closed) {
            return;
        }
        try {
            redraw(now);
        } catch (IllegalStateException e) {
            // JLine's shutdown hook closed the terminal (Ctrl-C): the run is being stopped, its table follows on a line
            // of its own under the block left on the screen.
            closed = true;
            out.println();
        }
    }

    private void redraw(Instant now) {
        Size size = terminal.getSize();
        // A terminal that reports no size (0 x 0) still gets a block of a sensible shape.
        int columns = size.getColumns() > 0 ? size.getColumns() : 100;
        int rows = size.getRows() > 0 ? size.getRows() : 24;
        display.resize(rows, columns);
        display.update(StatusBlock.lines(progress, now, columns, rows), -1);
        terminal.flush();
        lastDraw = now;
        changed = false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // The cursor goes back to where the block began, so the table takes its place.
            display.update(List.of(), 0);
            terminal.flush();
            terminal.close();
        } catch (IllegalStateException e) {
            // Closed already by JLine's shutdown hook (Ctrl-C): the block stays, the table goes under it.
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
