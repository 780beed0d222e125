package org.perfect21.cli;

/** Counts as people write them: "1 workflow", "2 workflows". */
final class Plurals {

    private Plurals() {
    }

    static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
