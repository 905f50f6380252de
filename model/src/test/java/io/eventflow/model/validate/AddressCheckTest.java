package io.eventflow.model.validate;

import static io.eventflow.model.Designs.CLEAN;
import static io.eventflow.model.Designs.edit;
import static io.eventflow.model.Designs.lineOf;
import static io.eventflow.model.Designs.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.LintSettings;
import io.eventflow.model.io.DesignFiles;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** EF012 on hostile addresses and patterns: no stack overflow, no catastrophic backtracking. */
class AddressCheckTest {
    private static List<Problem> ef012(String yaml) {
        return DesignFiles.lint(load(yaml)).stream()
                .filter(p -> p.rule().equals("EF012"))
                .toList();
    }

    @Test
    void aLongAddressDoesNotOverflowTheStack() {
        // 5,000 characters made the default pattern's regular expression overflow the stack.
        String good = "a" + "b.".repeat(450) + "c";
        assertThat(ef012(edit(CLEAN, "address: a.v1", "address: " + good))).isEmpty();
        String long1 = "a" + "b.".repeat(2_500) + "c";
        String yaml = edit(CLEAN, "address: a.v1", "address: " + long1);
        assertThat(ef012(yaml)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("5002 characters long").doesNotContain("b.b.b.");
            assertThat(p.line()).isEqualTo(lineOf(yaml, "address: ab."));
        });
    }

    @Test
    void theDefaultConventionByHandAgreesWithItsRegularExpression() {
        Pattern regex = Pattern.compile(LintSettings.DEFAULT_ADDRESS_PATTERN);
        Random r = new Random(12);
        String alphabet = "ab09._/-{}Z_x ";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(AddressCheck.matchesDefault(s))
                    .as(s)
                    .isEqualTo(regex.matcher(s).matches());
        }
        for (String s : List.of("orders.{orderId}.v1", "{site}/x", "{1x}", "{_a}", "a{", "a{b", ".a", "a..", "")) {
            assertThat(AddressCheck.matchesDefault(s))
                    .as(s)
                    .isEqualTo(regex.matcher(s).matches());
        }
    }

    @Test
    void aCatastrophicUserPatternIsStoppedByItsBudget() {
        String yaml = edit(CLEAN, "address: a.v1", "address: " + "a".repeat(40) + "!")
                + "\nlint:\n  addressPattern: '^(.*a){20}$'\n";
        long start = System.nanoTime();
        List<Problem> found = ef012(yaml);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(found)
                .filteredOn(p -> p.message().contains("backtracks too much"))
                .singleElement()
                .satisfies(p -> assertThat(p.hint()).contains("simplify"));
    }

    @Test
    void aRecursionProneUserPatternOnALongAddressIsRefusedByLength() {
        String yaml = edit(CLEAN, "address: a.v1", "address: " + "ab".repeat(5_000))
                + "\nlint:\n  addressPattern: '^(?:a|b)*$'\n";
        assertThat(ef012(yaml))
                .filteredOn(p -> p.element().equals("a"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("10000 characters long"));
    }

    @Test
    void aBudgetedSequenceCountsEveryRead() {
        AddressCheck.Budgeted s = new AddressCheck.Budgeted("abc", 4);
        assertThat(s.subSequence(1, 3).charAt(0)).isEqualTo('b');
        s.charAt(0);
        s.charAt(1);
        s.charAt(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.charAt(0))
                .isInstanceOf(AddressCheck.BudgetExceeded.class);
    }
}
