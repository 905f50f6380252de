package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportBehaviourTest {
    private static Path examples() {
        return TestFiles.shared().resolve("asyncapi/examples");
    }

    @Test
    void remoteReferencesAreRefusedByDefaultNamingTheReference() {
        Path adeo = examples().resolve("3.0.0/adeo-kafka-request-reply-asyncapi.yml");
        assertThatThrownBy(() -> AsyncApiImporter.importFiles(List.of(adeo), AsyncApiImporter.Options.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("remote reference 'https://")
                .hasMessageContaining("--allow-remote-refs")
                .satisfies(e -> {
                    Problem first = ((InputException) e).problems().get(0);
                    assertThat(first.file()).endsWith("adeo-kafka-request-reply-asyncapi.yml");
                    assertThat(first.line()).isPositive();
                    assertThat(first.pointer()).startsWith("/components/");
                });
    }

    static List<Path> socialMedia(String version) throws Exception {
        try (Stream<Path> s = Files.list(examples().resolve(version + "/social-media"))) {
            return s.filter(p -> !p.getFileName().toString().equals("common"))
                    .map(p -> p.resolve("asyncapi.yaml"))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "2.6.0"})
    void socialMediaSpecsMergeIntoOneConnectedDesign(String version) throws Exception {
        List<Path> specs = socialMedia(version);
        assertThat(specs).hasSize(5);
        Design d = AsyncApiImporter.importFiles(specs, AsyncApiImporter.Options.DEFAULT)
                .design();
        assertThat(d.name()).isEqualTo("social-media");
        assertThat(d.services()).hasSize(5);
        assertThat(io.eventflow.model.validate.Validator.validate(d)).isEmpty();
        assertThat(d.channels().stream().map(Channel::address)).doesNotHaveDuplicates();
        Channel liked = d.channels().stream()
                .filter(c -> "comment/liked".equals(c.address()))
                .findFirst()
                .orElseThrow();
        List<String> receivers = d.services().stream()
                .filter(s ->
                        s.subscribes().stream().anyMatch(sub -> sub.channel().equals(liked.id())))
                .map(Service::id)
                .toList();
        assertThat(receivers).hasSize(3);
        assertThat(components(d))
                .as("services connected through shared channels")
                .isEqualTo(1);
        assertThat(d.layout()).containsKeys(liked.id());
        assertThat(SchemaCheck.errors(AsyncApiExporter.toTree(d, AsyncApiVersion.V3_0)))
                .isEmpty();
    }

    /** Number of groups of services connected through channels they share. */
    private static int components(Design d) {
        Map<String, String> parent = new HashMap<>();
        d.services().forEach(s -> parent.put(s.id(), s.id()));
        Map<String, String> firstOnChannel = new HashMap<>();
        for (Service s : d.services()) {
            List<String> channels = new ArrayList<>();
            s.publishes().forEach(p -> channels.add(p.channel()));
            s.subscribes().forEach(p -> channels.add(p.channel()));
            for (String c : channels) {
                String other = firstOnChannel.putIfAbsent(c, s.id());
                if (other != null) {
                    parent.put(find(parent, other), find(parent, s.id()));
                }
            }
        }
        return (int)
                d.services().stream().map(s -> find(parent, s.id())).distinct().count();
    }

    private static String find(Map<String, String> parent, String id) {
        String p = id;
        while (!parent.get(p).equals(p)) {
            p = parent.get(p);
        }
        return p;
    }

    static Stream<List<Path>> imports() throws Exception {
        List<List<Path>> out = new ArrayList<>();
        ImportExamplesTest.examples().forEach(p -> out.add(List.of(p)));
        out.add(socialMedia("3.0.0"));
        out.add(socialMedia("2.6.0"));
        return out.stream();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("imports")
    void savingAndLoadingTheImportedDesignChangesNoByteOfTheExport(List<Path> specs, @TempDir Path tmp)
            throws Exception {
        Design imported = AsyncApiImporter.importFiles(specs, AsyncApiImporter.Options.DEFAULT)
                .design();
        Path file = tmp.resolve("imported" + DesignFiles.EXTENSION);
        DesignFiles.save(imported, file);
        Design loaded = DesignFiles.load(file).design();
        for (AsyncApiVersion v : AsyncApiVersion.values()) {
            for (AsyncApiExporter.Format f : AsyncApiExporter.Format.values()) {
                assertThat(AsyncApiExporter.export(loaded, v, f))
                        .as(v + " " + f)
                        .isEqualTo(AsyncApiExporter.export(imported, v, f));
            }
        }
        assertThat(AsyncApiExporter.exportPerService(loaded, AsyncApiVersion.V3_0, AsyncApiExporter.Format.YAML))
                .isEqualTo(AsyncApiExporter.exportPerService(
                        imported, AsyncApiVersion.V3_0, AsyncApiExporter.Format.YAML));
    }

    @Test
    void renamedAndDeletedElementsAreRenamedAndGoneInTheExport() throws Exception {
        Path spec = examples().resolve("3.0.0/streetlights-kafka-asyncapi.yml");
        Design d = AsyncApiImporter.importFiles(List.of(spec), AsyncApiImporter.Options.DEFAULT)
                .design();
        Channel dim = d.channel("lightsDim").orElseThrow();
        List<Channel> channels = new ArrayList<>(d.channels());
        channels.remove(dim);
        channels.replaceAll(c -> c.id().equals("lightTurnOn") ? c.withId("lightOn") : c);
        List<Service> services = d.services().stream()
                .map(s -> s.withPublishes(s.publishes().stream()
                        .filter(p -> !p.channel().equals("lightsDim"))
                        .map(p -> p.channel().equals("lightTurnOn") ? p.withChannel("lightOn") : p)
                        .toList()))
                .toList();
        var out = AsyncApiExporter.toTree(d.withChannels(channels).withServices(services), AsyncApiVersion.V3_0);
        assertThat(out.get("channels").has("lightOn")).isTrue();
        assertThat(out.get("channels").has("lightTurnOn")).isFalse();
        assertThat(out.get("channels").has("lightsDim")).isFalse();
        assertThat(out.get("operations").toString())
                .contains("#/channels/lightOn")
                .doesNotContain("lightsDim");
        assertThat(SchemaCheck.errors(out)).isEmpty();
    }
}
