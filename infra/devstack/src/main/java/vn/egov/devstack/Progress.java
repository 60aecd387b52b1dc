package vn.egov.devstack;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines prefixed with the seconds since the command started; safe from many threads. */
final class Progress {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    synchronized void step(String component, String message) {
        out.printf(Locale.ROOT, "[%6.1fs] %-12s %s%n", elapsedSeconds(), component, message);
        out.flush();
    }

    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    synchronized void block(String text) {
        out.print(text);
        out.flush();
    }

    PrintStream out() {
        return out;
    }
}
