package io.eventflow.model.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.io.DesignReader;
import io.eventflow.model.io.DesignWriter;
import io.eventflow.model.io.InputException;
import io.eventflow.model.io.SourceTree;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Durations, rates and sizes are read the way people write them and written back exactly so. */
class NotationProperties {
    /** A design holding one of each notation, written to YAML and read back. */
    private static Design roundTrip(TimeSpan span, Rate rate, DataSize size) throws InputException {
        KafkaTopic kafka = new KafkaTopic(2, null, null, span, size, null, null);
        Channel channel = new Channel("c", "k", "c.v1", List.of()).with(kafka);
        Service service = new Service("s").withPublishes(List.of(new Publication("c", null, rate)));
        Design design = Design.empty("notations")
                .withBrokers(List.of(new Broker("k", BrokerKind.KAFKA)))
                .withChannels(List.of(channel))
                .withServices(List.of(service));
        String yaml = DesignWriter.toYaml(design);
        DesignReader.Result read =
                DesignReader.read(SourceTree.parse("p.yaml", yaml).root());
        assertThat(read.problems()).as(yaml).isEmpty();
        return read.design();
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> whole = Arbitraries.longs().between(0, 5000).map(String::valueOf);
        Arbitrary<String> decimal = Combinators.combine(
                        Arbitraries.integers().between(0, 4999),
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3))
                .as((i, f) -> i + "." + f);
        return Arbitraries.oneOf(whole, decimal);
    }

    @Provide
    Arbitrary<String> durations() {
        Arbitrary<String> unit = Arbitraries.of("", "ns", "us", "ms", "s", "sec", "m", "min", "h", "d", "w");
        return Combinators.combine(numbers(), unit).as((n, u) -> n + u);
    }

    @Provide
    Arbitrary<String> rates() {
        Arbitrary<String> unit = Arbitraries.of("", "/ms", "/s", "/sec", "/m", "/min", "/h", "/d");
        // Rates above Limits.MAX_RATE_PER_SECOND are refused (LimitsTest); the notation is checked below it.
        return Combinators.combine(numbers(), unit).as((n, u) -> n + u).filter(NotationProperties::withinLimit);
    }

    private static boolean withinLimit(String rate) {
        try {
            Rate.parse(rate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> sizes() {
        Arbitrary<String> unit = Arbitraries.of("", "B", "KB", "kB", "MB", "GB", "KiB", "MiB", "GiB");
        return Combinators.combine(numbers(), unit).as((n, u) -> n + u);
    }

    @Property(tries = 200)
    void notationsAreWrittenBackAsTyped(
            @ForAll("durations") String duration, @ForAll("rates") String rate, @ForAll("sizes") String size)
            throws InputException {
        TimeSpan t = TimeSpan.parse(duration);
        Rate r = Rate.parse(rate);
        DataSize s = DataSize.parse(size);
        assertThat(t.text()).isEqualTo(duration);
        assertThat(r.text()).isEqualTo(rate);
        assertThat(s.text()).isEqualTo(size);

        Design back = roundTrip(t, r, s);
        KafkaTopic kafka = KafkaTopic.of(back.channels().get(0));
        assertThat(kafka.retention()).isEqualTo(t);
        assertThat(kafka.retentionBytes()).isEqualTo(s);
        assertThat(back.services().get(0).publishes().get(0).rate()).isEqualTo(r);
    }

    @Property(tries = 200)
    void formattedDurationsParseToTheSameNanos(@ForAll @LongRange(min = 0, max = 400L * 86_400_000_000_000L) long n) {
        TimeSpan t = TimeSpan.ofNanos(n);
        assertThat(TimeSpan.parse(t.text()).nanos()).isCloseTo(n, org.assertj.core.data.Offset.offset(1000L));
    }

    @Property(tries = 100)
    void wholeMillisFormatExactly(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long millis) {
        TimeSpan t = TimeSpan.ofMillis(millis);
        assertThat(TimeSpan.parse(t.text())).isEqualTo(t);
    }

    @Example
    void unitsMeanWhatTheySay() {
        assertThat(TimeSpan.parse("250ms").nanos()).isEqualTo(250_000_000L);
        assertThat(TimeSpan.parse("1.5min").seconds()).isEqualTo(90.0);
        assertThat(TimeSpan.parse("7d").seconds()).isEqualTo(7 * 86400.0);
        assertThat(TimeSpan.parse("5").seconds()).isEqualTo(5.0);
        assertThat(Rate.parse("12000/min").perSecond()).isEqualTo(200.0);
        assertThat(Rate.parse("200/s").perSecond()).isEqualTo(200.0);
        assertThat(Rate.parse("36/h").perSecond()).isEqualTo(0.01);
        assertThat(DataSize.parse("512B").bytes()).isEqualTo(512);
        assertThat(DataSize.parse("1MiB").bytes()).isEqualTo(1024 * 1024);
        assertThat(DataSize.parse("1.5KB").bytes()).isEqualTo(1500);
        assertThat(DataSize.parse("64KiB").bytes()).isEqualTo(65536);
    }

    @Example
    void badNotationsSayWhatIsAccepted() {
        assertThatThrownBy(() -> TimeSpan.parse("forever")).hasMessageContaining("e.g. 250ms, 5s");
        assertThatThrownBy(() -> TimeSpan.parse("-5s")).hasMessage("a duration cannot be negative: '-5s'");
        assertThatThrownBy(() -> Rate.parse("fast")).hasMessageContaining("e.g. 200/s, 12000/min");
        assertThatThrownBy(() -> Rate.parse("-1/s")).hasMessage("a rate cannot be negative: '-1/s'");
        assertThatThrownBy(() -> DataSize.parse("1 MiBs")).hasMessageContaining("e.g. 512B, 64KiB");
        assertThatThrownBy(() -> DataSize.parse("-1B")).hasMessage("a size cannot be negative: '-1B'");
        assertThatThrownBy(() -> DataSize.parse("99999999999TiB")).hasMessageContaining("too large");
        assertThatThrownBy(() -> TimeSpan.parse("1e300d")).hasMessageContaining("too long");
    }
}
