package io.eventflow.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TraceBufferTest {
    private static TraceEvent ev(long t, long corr) {
        return new TraceEvent.Published(t, "orders", "", 0, t, t, corr);
    }

    @Test
    void keepsTheLatestAndIndexesCorrelationIds() {
        TraceBuffer b = new TraceBuffer(3);
        b.accept(ev(1, 7));
        b.accept(ev(2, 8));
        b.accept(ev(3, 7));
        b.accept(ev(4, 7)); // evicts t=1
        assertThat(b.written()).isEqualTo(4);
        assertThat(b.since(0)).extracting(TraceEvent::time).containsExactly(2L, 3L, 4L);
        assertThat(b.since(3)).extracting(TraceEvent::time).containsExactly(4L);
        assertThat(b.byCorrelationId(7)).extracting(TraceEvent::time).containsExactly(3L, 4L);
        b.accept(ev(5, 9)); // evicts t=2, the only event of 8
        assertThat(b.byCorrelationId(8)).isEmpty();
    }

    @Test
    void writesJsonLines() {
        StringWriter w = new StringWriter();
        JsonlTraceWriter j = new JsonlTraceWriter(w);
        j.accept(new TraceEvent.Dropped(5, "a\"b", "g", 1, 2, 3, 4, "crash"));
        j.close();
        assertThat(w.toString())
                .isEqualTo("{\"kind\":\"dropped\",\"time\":5,\"element\":\"a\\\"b\",\"group\":\"g\",\"partition\":1,"
                        + "\"offset\":2,\"messageId\":3,\"correlationId\":4,\"cause\":\"crash\"}\n");
    }
}
