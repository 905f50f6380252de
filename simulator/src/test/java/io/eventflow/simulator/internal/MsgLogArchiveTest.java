package io.eventflow.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.broker.BrokerKinds;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MsgLogArchiveTest {
    /** Not part of a log record: the producer's send state, and whether something outside pins the object. */
    private static final Set<String> NOT_ARCHIVED = Set.of("sendAttempts", "lastBackoff", "pinned");

    private static final String DESIGN =
            """
            eventflow: 1
            name: Two topics
            brokers:
              - {id: kafka, kind: kafka}
            messages:
              - id: M
            channels:
              - {id: a, broker: kafka, address: a, messages: [M]}
              - {id: b, broker: kafka, address: b, messages: [M]}
            services:
              - id: reader
                subscribes:
                  - {channel: a, group: readers, processing: 1ms}
            """;

    private static Engine engine() throws Exception {
        DesignFiles.Loaded l = DesignFiles.parse("two.eventflow.yaml", DESIGN);
        assertThat(l.hasErrors()).as(l.problems().toString()).isFalse();
        return EngineBuilder.build(DesignCompiler.compile(l.design(), BrokerKinds::find), 1, BrokerKinds::find);
    }

    private static Msg msg(long id, SimChannel ch, SimChannel other, SimGroup g) {
        Msg m = new Msg(
                id,
                id % 7 == 0 ? id - 3 : id,
                1000 * id,
                id % 5 == 0 ? -1 : id * 31,
                100 + (int) (id % 13),
                id % 3 == 0 ? "rk" : null,
                null,
                ch);
        m.partition = 2;
        m.storedAt = 1000 * id + 17;
        m.poisonOn = id % 11 == 0 ? ch : null;
        m.deadLetterFrom = id % 17 == 0 ? g : null;
        m.origin = id % 19 == 0 ? other : ch;
        m.direct = id % 19 == 0;
        m.truncated = id % 23 == 0;
        m.redelivered = id % 29 == 0;
        m.deliveries = (int) (id % 4);
        m.failures = (int) (id % 3);
        m.tag = (int) (id % 2);
        m.queueSeq = id % 37 == 0 ? 5 : 0;
        m.expiresAt = id % 41 == 0 ? 99 : Long.MAX_VALUE;
        m.duplicateCopy = id % 43 == 0;
        return m;
    }

    private static void assertSameRecord(Msg actual, Msg expected) throws IllegalAccessException {
        for (Field f : Msg.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || NOT_ARCHIVED.contains(f.getName())) {
                continue;
            }
            assertThat(f.get(actual)).as(f.getName() + " of " + expected.id).isEqualTo(f.get(expected));
        }
    }

    @Test
    void archivedRecordsReadBackWithEveryFieldTheyHad() throws Exception {
        Engine w = engine();
        SimChannel ch = w.channels.get("a");
        SimChannel other = w.channels.get("b");
        SimGroup g = w.groups.get(0);
        MsgLog log = new MsgLog();
        List<Msg> originals = new ArrayList<>();
        long bytes = 0;
        int n = 3 * LogArchive.CHUNK + 100; // several chunks
        for (int i = 0; i < n; i++) {
            Msg m = msg(i, ch, other, g);
            m.offset = log.append(m);
            originals.add(m);
            bytes += m.sizeBytes;
        }
        log.archive(2 * LogArchive.CHUNK + 50);
        assertThat(log.archivedUntil()).isEqualTo(2 * LogArchive.CHUNK + 50);
        assertThat(log.size()).isEqualTo(n);
        assertThat(log.bytes()).isEqualTo(bytes);
        for (int o = 0; o < n; o++) {
            assertSameRecord(log.get(o), originals.get(o));
            assertThat(log.storedAt(o)).isEqualTo(originals.get(o).storedAt);
        }
        // records with the same values share one shape: far fewer shapes than records
        assertThat(log.archivedShapes()).isLessThan(n / 4);
        // record 1500 was stored at 1000 * 1500 + 17, so the first at or after one ns later is 1501
        assertThat(log.firstStoredAtOrAfter(1000L * 1500 + 18)).isEqualTo(1501);

        // dropping from the front goes through the archive, chunk by chunk, then into the ring
        for (int o = 0; o < LogArchive.CHUNK + 10; o++) {
            Msg m = log.removeFirst();
            assertSameRecord(m, originals.get(o));
            bytes -= m.sizeBytes;
        }
        assertThat(log.base()).isEqualTo(LogArchive.CHUNK + 10);
        assertThat(log.bytes()).isEqualTo(bytes);
        assertSameRecord(log.first(), originals.get(LogArchive.CHUNK + 10));
        while (log.base() < 2 * LogArchive.CHUNK + 60) {
            log.dropFirst();
        }
        assertSameRecord(log.get(log.base()), originals.get(2 * LogArchive.CHUNK + 60));
        // archiving resumes after the ring was trimmed past the archive's end
        log.archive(2 * LogArchive.CHUNK + 80);
        for (long o = log.base(); o < log.end(); o++) {
            assertSameRecord(log.get(o), originals.get((int) o));
        }
    }

    @Test
    void deadLetteredRecordsAreFoundInTheArchive() throws Exception {
        Engine w = engine();
        SimChannel ch = w.channels.get("b");
        SimGroup g = w.groups.get(0);
        MsgLog log = new MsgLog();
        for (int i = 0; i < 100; i++) {
            Msg m = new Msg(i, i, 0, -1, 10, null, null, ch);
            m.deadLetterFrom = i % 10 == 0 ? g : null;
            m.offset = log.append(m);
            if (m.deadLetterFrom != null && i != 50) {
                g.states.set(i, MsgState.DEAD_LETTERED);
            }
        }
        log.archive(60);
        List<Msg> out = new ArrayList<>();
        log.collectDeadLettered(out);
        // 0, 10, ..., 90 dead-lettered from g, but 50 was never marked so
        assertThat(out).extracting(m -> m.id).containsExactly(0L, 10L, 20L, 30L, 40L, 60L, 70L, 80L, 90L);
    }
}
