package io.eventflow.live.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The median of a figure over several runs, and its spread (smallest and largest value).
 *
 * @param values the figure of each run, in run order
 */
public record Stats(List<Double> values) {
    public Stats {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        values = List.copyOf(values);
    }

    public static Stats of(double... values) {
        List<Double> v = new ArrayList<>();
        for (double d : values) {
            v.add(d);
        }
        return new Stats(v);
    }

    /** The middle value; with an even count, the mean of the two middle ones. */
    public double median() {
        List<Double> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public double min() {
        return sorted().get(0);
    }

    public double max() {
        List<Double> s = sorted();
        return s.get(s.size() - 1);
    }

    public int runs() {
        return values.size();
    }

    private List<Double> sorted() {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }

    /** {@code 412} for one run, {@code 412 [398..420]} for several. */
    public String text() {
        if (runs() == 1) {
            return number(median());
        }
        return number(median()) + " [" + number(min()) + ".." + number(max()) + "]";
    }

    /** A figure as printed: an integer without decimals, a share (below 10) with three, else one. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, Math.abs(d) < 10 ? "%.3f" : "%.1f", d);
    }
}
