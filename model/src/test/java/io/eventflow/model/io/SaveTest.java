package io.eventflow.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Saves keep permissions and links, and clean up after interrupted saves. */
class SaveTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSaveKeepsTheFilesPermissions() throws Exception {
        Path f = dir.resolve("a.eventflow.yaml");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        DesignFiles.writeAtomically(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-rw-r--");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aNewFileGetsTheUmaskNotOwnerOnly() throws Exception {
        // What the process's umask gives an ordinary new file is what a save must give too.
        Path plain = dir.resolve("plain");
        Files.newByteChannel(plain, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)
                .close();
        Path f = dir.resolve("new.eventflow.yaml");
        DesignFiles.writeAtomically(f, "text");
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void savingThroughASymlinkWritesTheTargetAndKeepsTheLink() throws Exception {
        Files.createDirectories(dir.resolve("real"));
        Path real = dir.resolve("real/a.eventflow.yaml");
        Files.writeString(real, "old");
        Path link = dir.resolve("link.eventflow.yaml");
        Files.createSymbolicLink(link, Path.of("real/a.eventflow.yaml"));
        DesignFiles.writeAtomically(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real/a.eventflow.yaml"));
        assertThat(Files.readString(real)).isEqualTo("new");
        try (Stream<Path> s = Files.list(dir.resolve("real"))) {
            assertThat(s).containsExactly(real);
        }
    }

    @Test
    void temporaryFilesOfAnInterruptedSaveAreRemovedByTheNextSave() throws Exception {
        Path f = dir.resolve("a.eventflow.yaml");
        Path stale = dir.resolve(".a.eventflow.yaml.123456789.tmp");
        Path fresh = dir.resolve(".a.eventflow.yaml.987654321.tmp");
        Path other = dir.resolve(".b.eventflow.yaml.1.tmp");
        for (Path p : new Path[] {stale, fresh, other}) {
            Files.writeString(p, "half");
        }
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);
        DesignFiles.writeAtomically(f, "new");
        assertThat(stale).doesNotExist();
        // A recent one may belong to a save running now; another file's temporaries are not ours.
        assertThat(fresh).exists();
        assertThat(other).exists();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "a.eventflow.yaml", ".a.eventflow.yaml.987654321.tmp", ".b.eventflow.yaml.1.tmp");
        }
    }
}
