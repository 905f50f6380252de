package io.eventflow.model.diff;

import static io.eventflow.model.diff.DesignDiffTest.BASE;
import static io.eventflow.model.diff.DesignDiffTest.design;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code eventflow diff} on signing: starting, stopping, a new algorithm or key, and the simulator's times. */
class SigningDiffTest {
    private static final String MSG = "  - id: OrderPlaced\n    contentType: application/json\n";

    private static List<Change> diff(String before, String after) throws Exception {
        return DesignDiff.compare(design(before), design(after)).changes();
    }

    private static String message(String signing) {
        return BASE.replace(MSG, MSG + "    " + signing + "\n");
    }

    @Test
    void signingThatStartsBindsProducersThatStopsFailsVerifyingConsumers() throws Exception {
        assertThat(diff(BASE, message("signed: true"))).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("message-setting-changed:OrderPlaced:signed");
            assertThat(c.producers()).isEqualTo(Impact.BREAKING);
            assertThat(c.consumers()).isEqualTo(Impact.NON_BREAKING);
        });
        assertThat(diff(message("signing: {algorithm: Ed25519}"), BASE))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.producers()).isEqualTo(Impact.NON_BREAKING);
                    assertThat(c.consumers()).isEqualTo(Impact.BREAKING);
                });
    }

    @Test
    void aNewAlgorithmOrKeyBreaksBothSidesOneChangeForBothKeys() throws Exception {
        // signed: true is HMAC-SHA256; Ed25519 is another algorithm: 'signed' goes and 'signing' comes, one change
        assertThat(diff(message("signed: true"), message("signing: {algorithm: Ed25519}")))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.id()).isEqualTo("message-setting-changed:OrderPlaced:signing");
                    assertThat(c.breaking()).isTrue();
                    assertThat(c.producers()).isEqualTo(Impact.BREAKING);
                    assertThat(c.consumers()).isEqualTo(Impact.BREAKING);
                });
        assertThat(diff(message("signing: {keyId: k1}"), message("signing: {keyId: k2}")))
                .singleElement()
                .satisfies(c -> assertThat(c.consumers()).isEqualTo(Impact.BREAKING));
        // naming the default algorithm changes nothing real
        assertThat(diff(message("signed: true"), message("signing: {algorithm: HMAC-SHA256}")))
                .singleElement()
                .satisfies(c -> assertThat(c.breaking()).isFalse());
        assertThat(diff(message("signing: {signTime: 1ms}"), message("signing: {signTime: 2ms}")))
                .singleElement()
                .satisfies(c -> assertThat(c.breaking()).isFalse());
    }

    @Test
    void theChannelsSigningToo() throws Exception {
        String signedChannel = BASE.replace("partitions: 6}", "partitions: 6, signing: {algorithm: ECDSA-P256}}");
        assertThat(diff(BASE, signedChannel)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("channel-setting-changed:orders:signed");
            assertThat(c.producers()).isEqualTo(Impact.BREAKING);
        });
    }
}
