package io.eventflow.simulator.sweep;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.validate.Levenshtein;
import io.eventflow.simulator.sweep.Setting.Kind;
import io.eventflow.simulator.sweep.Setting.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One varied setting and the values it takes: {@code billing.instances=1..8}, {@code orders.partitions=3,6,12},
 * {@code checkout.rate=1000/s..5000/s step 1000/s}. Values are kept in ascending order, without repeats.
 *
 * @param name how it is named, as written: {@code billing.instances}, {@code checkout@orders.rate}
 * @param ref the element
 * @param setting the setting
 * @param values the values, ascending
 */
public record Variation(String name, ElementRef ref, Setting setting, List<Value> values) {
    /** More values than this in one variation is a typing mistake, not a sweep. */
    public static final int MAX_VALUES = 10_000;

    public Variation {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new SweepException("no values for " + name);
        }
    }

    /** A variation of {@code setting} of the element, named {@code element.setting}. */
    public static Variation of(ElementRef ref, Setting setting, List<Value> values) {
        return new Variation(ref.text() + "." + setting.key(), ref, setting, values);
    }

    /**
     * Parses {@code ELEMENT.SETTING=VALUES} against {@code design}.
     *
     * @throws SweepException naming the part that is wrong
     */
    public static Variation parse(String text, Design design) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new SweepException("'" + text + "' is not ELEMENT.SETTING=VALUES, e.g. billing.instances=1..8");
        }
        String name = text.substring(0, eq).strip();
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            throw new SweepException("'" + name + "' is not ELEMENT.SETTING, e.g. billing.instances");
        }
        String key = name.substring(dot + 1);
        Setting setting = Setting.byKey(key);
        if (setting == null) {
            String close = Levenshtein.closest(key, Setting.keys(), true);
            throw new SweepException("'" + key + "' is not a setting a sweep can vary"
                    + (close != null ? ": did you mean '" + close + "'?" : "")
                    + " (settings: " + String.join(", ", Setting.keys()) + ")");
        }
        ElementRef ref = ElementRef.resolve(design, name.substring(0, dot), setting);
        List<Value> values;
        try {
            values = parseValues(text.substring(eq + 1), setting.kind());
        } catch (SweepException e) {
            throw new SweepException(name + ": " + e.getMessage());
        }
        return new Variation(name.substring(0, dot) + "." + setting.key(), ref, setting, values);
    }

    /**
     * Parses a comma-separated list of values and ranges ({@code 1..8}, {@code 1..8 step 2},
     * {@code 1000/s..5000/s step 1000/s}, {@code 2ms..10ms step 2ms}); a range of counts steps by 1 unless told.
     */
    public static List<Value> parseValues(String text, Kind kind) {
        TreeSet<Value> out = new TreeSet<>();
        for (String item : text.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                throw new SweepException("an empty value in '" + text.strip() + "'");
            }
            int range = s.indexOf("..");
            if (range < 0) {
                out.add(one(s, kind));
            } else {
                range(s, range, kind, out);
            }
            if (out.size() > MAX_VALUES) {
                throw new SweepException("more than " + MAX_VALUES + " values in '" + text.strip() + "'");
            }
        }
        return List.copyOf(out);
    }

    private static void range(String s, int range, Kind kind, TreeSet<Value> out) {
        String rest = s.substring(range + 2);
        int stepAt = rest.toLowerCase(Locale.ROOT).indexOf(" step ");
        Value from = one(s.substring(0, range), kind);
        Value to = one(stepAt < 0 ? rest : rest.substring(0, stepAt), kind);
        Value step;
        if (stepAt >= 0) {
            step = one(rest.substring(stepAt + 6), kind);
        } else if (kind == Kind.COUNT) {
            step = new Value("1", 1);
        } else {
            throw new SweepException("a range of " + (kind == Kind.RATE ? "rates" : "times") + " needs a step, e.g. "
                    + (kind == Kind.RATE ? "1000/s..5000/s step 1000/s" : "2ms..10ms step 2ms"));
        }
        if (!(step.number() > 0)) {
            throw new SweepException("the step of '" + s + "' must be more than 0");
        }
        if (to.number() < from.number()) {
            throw new SweepException("the range '" + s + "' ends before it starts");
        }
        long n = (long) Math.floor((to.number() - from.number()) / step.number() + 1e-9) + 1;
        if (n > MAX_VALUES) {
            throw new SweepException("'" + s + "' has " + n + " values; at most " + MAX_VALUES);
        }
        for (long i = 0; i < n; i++) {
            double v = from.number() + i * step.number();
            out.add(i == 0 ? from : i == n - 1 && v == to.number() ? to : of(v, kind, from.text()));
        }
    }

    private static Value one(String text, Kind kind) {
        String s = text.strip();
        try {
            return switch (kind) {
                case COUNT -> {
                    long v = Long.parseLong(s);
                    if (v < 1 || v > 1_000_000) {
                        throw new SweepException("'" + s + "' is not a count from 1 to 1000000");
                    }
                    yield new Value(Long.toString(v), v);
                }
                case RATE -> {
                    Rate r = Rate.parse(s);
                    yield new Value(r.text(), r.perSecond());
                }
                case TIME -> {
                    TimeSpan t = TimeSpan.parse(s);
                    yield new Value(t.text(), t.nanos());
                }
            };
        } catch (NumberFormatException e) {
            throw new SweepException("'" + s + "' is not a whole number");
        } catch (SweepException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SweepException(e.getMessage());
        }
    }

    /** A value inside a range, written in the unit the range starts with. */
    private static Value of(double number, Kind kind, String fromText) {
        return switch (kind) {
            case COUNT -> new Value(Long.toString((long) number), number);
            case RATE -> {
                String unit = fromText.contains("/")
                        ? fromText.substring(fromText.indexOf('/')).strip()
                        : "/s";
                double perUnit = number * Rate.parse("1" + unit).intervalNanos() / 1e9;
                yield new Value(trim(perUnit) + unit, number);
            }
            case TIME -> new Value(TimeSpan.format((long) number), Math.rint(number));
        };
    }

    private static String trim(double d) {
        return d == Math.rint(d)
                ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.6g", d).replaceAll("0+$", "");
    }

    /** The values as texts. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.text()));
        return out;
    }
}
