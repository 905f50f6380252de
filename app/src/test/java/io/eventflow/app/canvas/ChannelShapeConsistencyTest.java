package io.eventflow.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.doc.ChannelShape;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SVG diagram (HTML docs, SVG export) shapes and badges every sample channel as the canvas does. */
class ChannelShapeConsistencyTest {
    @Test
    void svgDiagramAndCanvasAgreeOnEveryChannelOfEverySample() throws Exception {
        Path samples = Path.of("..", "assets", "samples");
        List<Path> designs;
        try (Stream<Path> s = Files.list(samples)) {
            designs = s.filter(p -> p.toString().endsWith(".eventflow.yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(designs).hasSizeGreaterThanOrEqualTo(7);
        int checked = 0;
        for (Path p : designs) {
            Design d = DesignFiles.open(p);
            for (Channel c : d.channels()) {
                ChannelLook look = ChannelLook.of(d, c);
                ChannelShape shape = ChannelShape.of(d, c);
                assertThat(shape.shape()).as(p.getFileName() + " " + c.id()).isEqualTo(look.shape());
                assertThat(shape.badge()).as(p.getFileName() + " " + c.id()).isEqualTo(look.badge());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }
}
