package io.eventflow.simulator.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelTest {
    @Test
    void firesByTimeThenPriorityThenFifo() {
        Kernel k = new Kernel();
        List<String> log = new ArrayList<>();
        Event rec = (ctx, arg) -> log.add(ctx.now() + ":" + arg);
        k.schedule(20, rec, 1);
        k.schedule(10, rec, 2);
        k.schedule(10, SimContext.NORMAL, rec, 3);
        k.schedule(10, 0, rec, 4); // higher priority at the same time
        k.schedule(10, rec, 5);
        k.runToEnd();
        assertThat(log).containsExactly("10:4", "10:2", "10:3", "10:5", "20:1");
        assertThat(k.firedEvents()).isEqualTo(5);
    }

    @Test
    void runUntilStopsAtTimeAndAdvancesClock() {
        Kernel k = new Kernel();
        List<Long> log = new ArrayList<>();
        Event tick = new Event() {
            @Override
            public void fire(SimContext ctx, long arg) {
                log.add(ctx.now());
                ctx.scheduleIn(3, this, 0);
            }
        };
        k.schedule(0, tick, 0);
        k.runUntil(10);
        assertThat(log).containsExactly(0L, 3L, 6L, 9L);
        assertThat(k.now()).isEqualTo(10);
        assertThat(k.nextTime()).isEqualTo(12);
    }

    @Test
    void manyEventsComeOutSorted() {
        Kernel k = new Kernel();
        List<Long> log = new ArrayList<>();
        long x = 12345;
        for (int i = 0; i < 10_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            k.schedule((x >>> 40) % 1000, (ctx, a) -> log.add(ctx.now() * 100_000 + a), i);
        }
        k.runToEnd();
        assertThat(log).isSorted().hasSize(10_000);
    }

    @Test
    void failureStopsTheRunAndIsKept() {
        Kernel k = new Kernel();
        k.schedule(
                5,
                (ctx, a) -> {
                    throw new IllegalStateException("boom");
                },
                0);
        k.schedule(6, (ctx, a) -> {}, 0);
        assertThatThrownBy(k::runToEnd).isInstanceOf(SimFailedException.class).hasMessageContaining("boom");
        assertThat(k.failure().time()).isEqualTo(5);
        assertThatThrownBy(k::step).isInstanceOf(SimFailedException.class);
    }

    @Test
    void refusesThePast() {
        Kernel k = new Kernel();
        k.runUntil(100);
        assertThatThrownBy(() -> k.schedule(99, (c, a) -> {}, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
