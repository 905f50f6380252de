package io.eventflow.app.cli;

import java.io.PrintStream;

/** Command-line entry for measuring outside the app ({@code java -cp ... M1BenchMain --messages 1e6}). */
public final class M1BenchMain {
    private M1BenchMain() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        M1Options o = M1Options.parse(args);
        for (int r = 0; r < o.repeat(); r++) {
            out.println(M1Bench.runOnce(o, r));
            out.flush();
        }
    }
}
