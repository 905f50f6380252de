package io.eventflow.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.asyncapi.AsyncApiExporter;
import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.asyncapi.AsyncApiVersion;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Signing;
import io.eventflow.model.design.SigningAlgorithm;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.doc.HtmlDocWriter;
import io.eventflow.model.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code signed}, {@code signing} (messages, channels) and {@code verify} (subscriptions): read, written, checked. */
class SigningKeysTest {
    static final String DESIGN =
            """
            eventflow: 1
            name: signing
            brokers:
              - {id: k, kind: kafka}
            messages:
              - {id: Old, signed: true}
              - {id: Off, signed: false}
              - id: Cmd
                signing: {algorithm: Ed25519, keyId: fleet-2026, signTime: 60us, verifyTime: 150us}
              - {id: Plain}
            channels:
              - {id: c, broker: k, messages: [Old, Off, Plain], signing: {algorithm: HMAC-SHA512, keyId: pay}}
              - {id: d, broker: k, messages: [Cmd], signed: true}
            services:
              - id: s
                subscribes:
                  - {channel: c, group: g, verify: false}
                  - {channel: d, group: h}
            """;

    private static Design load(String yaml) throws Exception {
        DesignFiles.Loaded l = DesignFiles.parse("t.eventflow.yaml", yaml);
        assertThat(l.problems().stream().filter(Problem::isError)).isEmpty();
        return l.design();
    }

    private static MessageType message(Design d, String id) {
        return d.messages().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void readsOldAndNewForms() throws Exception {
        Design d = load(DESIGN);
        assertThat(message(d, "Old").signing()).isEqualTo(Signing.SIGNED);
        assertThat(message(d, "Old").signing().algorithmOrDefault()).isEqualTo(SigningAlgorithm.HMAC_SHA256);
        assertThat(message(d, "Off").signing()).isEqualTo(Signing.UNSIGNED);
        assertThat(message(d, "Cmd").signing())
                .isEqualTo(new Signing(
                        true, SigningAlgorithm.ED25519, "fleet-2026", TimeSpan.parse("60us"), TimeSpan.parse("150us")));
        assertThat(d.channels().get(0).signing().algorithm()).isEqualTo(SigningAlgorithm.HMAC_SHA512);
        assertThat(d.channels().get(1).signing()).isEqualTo(Signing.SIGNED);
        assertThat(d.services().get(0).subscribes().get(0).verify()).isFalse();
        assertThat(d.services().get(0).subscribes().get(1).verify()).isNull();
    }

    @Test
    void aMessageSaysFirstThenItsChannel() throws Exception {
        Design d = load(DESIGN);
        var c = d.channels().get(0);
        assertThat(Signing.effective(message(d, "Old"), c)).isEqualTo(Signing.SIGNED);
        assertThat(Signing.effective(message(d, "Off"), c)).isNull();
        assertThat(Signing.effective(message(d, "Plain"), c).algorithm()).isEqualTo(SigningAlgorithm.HMAC_SHA512);
        assertThat(Signing.effective(message(d, "Plain"), null)).isNull();
    }

    @Test
    void consumersVerifySignedMessagesUnlessTold() throws Exception {
        Design d = load(DESIGN);
        var off = d.services().get(0).subscribes().get(0);
        var dflt = d.services().get(0).subscribes().get(1);
        assertThat(dflt.verifies(true)).isTrue();
        assertThat(dflt.verifies(false)).isFalse();
        assertThat(off.verifies(true)).isFalse();
    }

    @Test
    void saveWritesWhatOlderVersionsReadWhenItCan() throws Exception {
        String yaml = DesignWriter.toYaml(load(DESIGN));
        assertThat(yaml)
                .contains("signed: true")
                .contains("signed: false")
                .contains("algorithm: Ed25519")
                .contains("keyId: fleet-2026")
                .contains("signTime: 60us")
                .contains("verifyTime: 150us")
                .contains("algorithm: HMAC-SHA512")
                .contains("verify: false");
        assertThat(DesignWriter.toYaml(load(yaml))).isEqualTo(yaml);
        assertThat(load(yaml)).isEqualTo(load(DESIGN));
    }

    @ParameterizedTest
    @EnumSource(AsyncApiVersion.class)
    void asyncApiCarriesThemInXEventflowSigning(AsyncApiVersion version) throws Exception {
        Design d = load(DESIGN);
        String text = AsyncApiExporter.export(d, version, AsyncApiExporter.Format.YAML);
        assertThat(text)
                .contains("x-eventflow-signing:")
                .contains("algorithm: Ed25519")
                .contains("keyId: fleet-2026")
                .contains("algorithm: HMAC-SHA512");
        Design back = AsyncApiImporter.importText("export.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        for (String id : List.of("Old", "Off", "Cmd", "Plain")) {
            assertThat(message(back, id).signing())
                    .as(id)
                    .isEqualTo(message(d, id).signing());
        }
        assertThat(back.channel("c").orElseThrow().signing())
                .isEqualTo(d.channels().get(0).signing());
        assertThat(back.channel("d").orElseThrow().signing()).isEqualTo(Signing.SIGNED);
        var s = back.services().stream()
                .filter(x -> x.id().equals("s"))
                .findFirst()
                .orElseThrow();
        assertThat(s.subscribes().stream()
                        .filter(x -> x.channel().equals("c"))
                        .findFirst()
                        .orElseThrow()
                        .verify())
                .isFalse();
    }

    @Test
    void theHtmlDocumentationShowsSigning() throws Exception {
        String html = HtmlDocWriter.write(load(DESIGN));
        assertThat(html)
                .contains("Ed25519, key fleet-2026, sign 60us, verify 150us")
                .contains("HMAC-SHA512, key pay");
    }

    @Test
    void aBadAlgorithmIsAnErrorWithFileAndLine() throws Exception {
        String bad = DESIGN.replace("algorithm: Ed25519", "algorithm: MD5");
        List<Problem> errors = DesignFiles.parse("t.eventflow.yaml", bad).problems().stream()
                .filter(Problem::isError)
                .toList();
        assertThat(errors).hasSize(1);
        Problem p = errors.get(0);
        assertThat(p.pointer()).isEqualTo("/messages/2/signing/algorithm");
        assertThat(p.file()).isEqualTo("t.eventflow.yaml");
        assertThat(p.line()).isEqualTo(9); // the text block's 9th line: '    signing: {algorithm: Ed25519, ...'
        assertThat(p.message()).contains("'MD5' is not a signing algorithm").contains("Ed25519");
    }

    @Test
    void signedFalseWithSigningIsAnError() throws Exception {
        String bad = DESIGN.replace("- id: Cmd\n", "- id: Cmd\n    signed: false\n");
        List<Problem> errors = DesignFiles.parse("t.eventflow.yaml", bad).problems().stream()
                .filter(Problem::isError)
                .toList();
        assertThat(errors).extracting(Problem::pointer).containsExactly("/messages/2/signed");
    }

    @Test
    void anUnknownSigningKeyIsAnError() throws Exception {
        String bad = DESIGN.replace("keyId: pay", "key: pay");
        List<Problem> errors = DesignFiles.parse("t.eventflow.yaml", bad).problems().stream()
                .filter(Problem::isError)
                .toList();
        assertThat(errors).extracting(Problem::pointer).containsExactly("/channels/0/signing/key");
    }
}
