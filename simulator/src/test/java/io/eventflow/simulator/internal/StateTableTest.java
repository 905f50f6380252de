package io.eventflow.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StateTableTest {
    /** Random updates agree with a plain array, including pages that become uniform and are touched again. */
    @Test
    void agreesWithAPlainArray() {
        int n = 3 * StateTable.PAGE + 123;
        byte[] ref = new byte[n];
        StateTable t = new StateTable();
        Random r = new Random(7);
        for (int step = 0; step < 4; step++) {
            // sweep: every id to one state, so whole pages become uniform
            byte all = (byte) (1 + step);
            for (int id = 0; id < n; id++) {
                ref[id] = all;
                t.set(id, all);
            }
            check(t, ref, n);
            // then scattered changes that break the uniform pages up again
            for (int k = 0; k < 5000; k++) {
                int id = r.nextInt(n);
                byte s = (byte) r.nextInt(MsgState.COUNT);
                ref[id] = s;
                t.set(id, s);
            }
            check(t, ref, n);
        }
        assertThat(t.get(10L * StateTable.PAGE)).isEqualTo(MsgState.NONE);
    }

    private static void check(StateTable t, byte[] ref, int n) {
        long[] expected = new long[MsgState.COUNT];
        for (int id = 0; id < n; id++) {
            assertThat(t.get(id)).isEqualTo(ref[id]);
            expected[ref[id]]++;
        }
        long[] scan = t.scan(n);
        for (byte s = 1; s < MsgState.COUNT; s++) {
            assertThat(scan[s]).as("scan of state %d", s).isEqualTo(expected[s]);
            assertThat(t.running(s)).as("running count of state %d", s).isEqualTo(expected[s]);
        }
    }
}
