package io.eventflow.simulator.sweep;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.sweep.Setting.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * One combination of the varied settings' values.
 *
 * @param index its place in the sweep (the last variation changes fastest)
 * @param values one value per variation, in the sweep's order of variations
 */
public record Combination(int index, List<Value> values) {
    public Combination {
        values = List.copyOf(values);
    }

    /**
     * Every combination of the variations' values: the product, with the last variation changing fastest. No
     * variation gives one combination (the design as it is).
     */
    public static List<Combination> expand(List<Variation> variations) {
        long total = 1;
        for (Variation v : variations) {
            total *= v.values().size();
            if (total > SweepSpec.MAX_RUNS) {
                throw new SweepException("more than " + SweepSpec.MAX_RUNS + " combinations of settings");
            }
        }
        List<Combination> out = new ArrayList<>((int) total);
        for (int i = 0; i < total; i++) {
            List<Value> values = new ArrayList<>(variations.size());
            int rest = i;
            for (int v = variations.size() - 1; v >= 0; v--) {
                List<Value> vs = variations.get(v).values();
                values.add(0, vs.get(rest % vs.size()));
                rest /= vs.size();
            }
            out.add(new Combination(i, values));
        }
        return out;
    }

    /** The design with every varied setting set to this combination's value. */
    public Design apply(Design base, List<Variation> variations) {
        Design d = base;
        for (int i = 0; i < variations.size(); i++) {
            Variation v = variations.get(i);
            d = v.setting().apply(d, v.ref(), values.get(i));
        }
        return d;
    }

    /** {@code billing.instances=3, orders.partitions=6}; {@code (design as is)} with no variation. */
    public String label(List<Variation> variations) {
        if (variations.isEmpty()) {
            return "(design as is)";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < variations.size(); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(variations.get(i).name())
                    .append('=')
                    .append(values.get(i).text());
        }
        return b.toString();
    }
}
