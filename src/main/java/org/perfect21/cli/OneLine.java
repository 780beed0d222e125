package org.perfect21.cli;

/** A message as one table cell: whitespace runs become one blank, and a long one is cut. */
final class OneLine {

    private OneLine() {
    }

    static String of(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
