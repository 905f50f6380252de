package io.eventflow.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ids and times in record headers are written as Long.toString writes them, and read back the same. */
class KafkaHeadersTest {
    @Test
    void decimalHeadersAreLongToStringBytesAndReadBack() {
        long[] values = {0, 7, 9, 10, 99, 100, 1_733_540_000_123_456L, Long.MAX_VALUE, -1, -42, Long.MIN_VALUE};
        for (long v : values) {
            byte[] b = KafkaLiveProducer.decimal(v);
            assertThat(new String(b, StandardCharsets.ISO_8859_1)).isEqualTo(Long.toString(v));
            assertThat(KafkaReader.decimal(b)).isEqualTo(v);
        }
    }
}
