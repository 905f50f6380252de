package io.eventflow.model.io;

import io.eventflow.model.design.Design;
import io.eventflow.model.validate.CheckScope;
import io.eventflow.model.validate.Linter;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Validator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Opening, checking and saving {@code .eventflow.yaml} files. */
public final class DesignFiles {
    /** The extension of design files. */
    public static final String EXTENSION = ".eventflow.yaml";

    private DesignFiles() {}

    /**
     * A design file read and checked.
     *
     * @param design the design as far as it could be read
     * @param source the parsed file, for locations
     * @param problems every problem found while reading and validating (errors first, then by line), with locations;
     *     read with a {@link CheckScope}, those of the checks in that scope
     */
    public record Loaded(Design design, SourceTree source, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /**
     * Reads and validates a design file, collecting every problem.
     *
     * @throws InputException when the file cannot be read or is not YAML at all
     */
    public static Loaded load(Path path) throws InputException {
        return load(path, CheckScope.ALL);
    }

    /** {@link #load(Path)} with the validation checks in {@code scope} (see {@link CheckScope}). */
    public static Loaded load(Path path, CheckScope scope) throws InputException {
        return check(SourceTree.read(path), scope);
    }

    /** Reads and validates design text; {@code name} names it in problems. */
    public static Loaded parse(String name, String text) throws InputException {
        return parse(name, text, CheckScope.ALL);
    }

    /** {@link #parse(String, String)} with the validation checks in {@code scope} (see {@link CheckScope}). */
    public static Loaded parse(String name, String text, CheckScope scope) throws InputException {
        return check(SourceTree.parse(name, text), scope);
    }

    private static Loaded check(SourceTree tree, CheckScope scope) {
        return check(tree, DesignReader.read(tree.root()), scope);
    }

    private static Loaded check(SourceTree tree, DesignReader.Result read, CheckScope scope) {
        List<Problem> all = new ArrayList<>(read.problems());
        // A key the reader already rejected (e.g. a malformed rate) is missing from the design: the validator's
        // complaint about the same key would only repeat it.
        Set<String> rejected = read.problems().stream()
                .map(Problem::pointer)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Validator.validate(read.design(), scope).stream()
                .filter(p -> p.pointer() == null || !rejected.contains(p.pointer()))
                .forEach(all::add);
        return new Loaded(read.design(), tree, locatedAndSorted(tree, all));
    }

    /**
     * The lint findings of a loaded design, located (file, line, column) in its source and sorted like {@link
     * Loaded#problems()}: errors first (rules re-levelled to error), then by line.
     */
    public static List<Problem> lint(Loaded loaded) {
        return locatedAndSorted(loaded.source(), Linter.lint(loaded.design()));
    }

    private static List<Problem> locatedAndSorted(SourceTree tree, List<Problem> problems) {
        List<Problem> located =
                new ArrayList<>(problems.stream().map(tree::locate).toList());
        located.sort(Comparator.comparing((Problem p) -> p.severity().ordinal())
                .thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column)
                .thenComparing(Problem::rule));
        return List.copyOf(located);
    }

    /**
     * Opens a design for editing or running: fails with every error when the file has any.
     *
     * @throws InputException naming file, line and problem for each error
     */
    public static Design open(Path path) throws InputException {
        Loaded loaded = load(path);
        if (loaded.hasErrors()) {
            throw new InputException(
                    loaded.problems().stream().filter(Problem::isError).toList());
        }
        return loaded.design();
    }

    /**
     * Opens a design for editing: a file that reads into a design opens even when the design has errors (a dangling
     * reference, a duplicate id, an impossible value), which the editor lists and the user fixes in place. Only a file
     * that cannot be read into a design without losing part of it is refused: not YAML, hostile, an unknown key, a
     * value of the wrong type.
     *
     * @throws InputException naming file, line and problem for each reading error
     */
    public static Loaded openForEditing(Path path) throws InputException {
        return openForEditing(path, CheckScope.ALL);
    }

    /**
     * {@link #openForEditing(Path)} with the validation checks in {@code scope}: an editor shows the design before it
     * reads the payload schemas ({@link CheckScope#WITHOUT_PAYLOAD_SCHEMAS}).
     */
    public static Loaded openForEditing(Path path, CheckScope scope) throws InputException {
        SourceTree tree = SourceTree.read(path);
        DesignReader.Result read = DesignReader.read(tree.root());
        if (read.problems().stream().anyMatch(Problem::isError)) {
            throw new InputException(locatedAndSorted(tree, read.problems()).stream()
                    .filter(Problem::isError)
                    .toList());
        }
        return check(tree, read, scope);
    }

    /**
     * Saves atomically: the text goes to a temporary file beside the target, is flushed to disk, then renamed over
     * the target, so a crash never leaves a half-written design. See {@link #writeAtomically}.
     */
    public static void save(Design design, Path path) throws IOException {
        writeAtomically(path, DesignWriter.toYaml(design));
    }

    /** How old a temporary file of an earlier save must be before a save removes it (it may be another's save). */
    static final java.time.Duration STALE_TEMP_AGE = java.time.Duration.ofMinutes(1);

    /** Made on the first save, not when a design is first read: making one takes a cold JVM some 20-25 ms of CPU. */
    private static final class Random {
        static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    }

    /**
     * Writes text to a file atomically: a temporary file beside the target, flushed, renamed over the target, then the
     * folder flushed too (so a power loss cannot lose the new name). The file keeps its permissions (a new one gets
     * the user's umask); a symbolic link is kept and the file it points at is written; temporary files an interrupted
     * save left beside the file are removed.
     */
    public static void writeAtomically(Path path, String text) throws IOException {
        Path target = followLinks(path.toAbsolutePath());
        Path dir = target.getParent();
        Files.createDirectories(dir);
        String prefix = "." + target.getFileName() + ".";
        removeStaleTemps(dir, prefix);
        Set<java.nio.file.attribute.PosixFilePermission> permissions = permissionsOf(target);
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve(prefix + Long.toUnsignedString(Random.RANDOM.nextLong(), 36) + ".tmp");
            try {
                // No attributes given: the file gets the default permissions, i.e. the user's umask (not 0600).
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                tmp = candidate;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file a chain of symbolic links ends at (which need not exist yet); the path itself when it is no link. */
    static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops >= 40) {
                throw new java.nio.file.FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).normalize();
        }
        return p;
    }

    private static Set<java.nio.file.attribute.PosixFilePermission> permissionsOf(Path target) {
        try {
            return Files.exists(target) ? Files.getPosixFilePermissions(target) : null;
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    /** Removes {@code .NAME.*.tmp} files older than {@link #STALE_TEMP_AGE}: what an interrupted save left. */
    static void removeStaleTemps(Path dir, String prefix) {
        java.time.Instant before = java.time.Instant.now().minus(STALE_TEMP_AGE);
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp") && n.length() > prefix.length() + 4;
        })) {
            for (Path p : s) {
                try {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // best effort: a temporary file that cannot be removed does no harm to this save
                }
            }
        } catch (IOException e) {
            // best effort, as above
        }
    }

    /** Flushes a folder's entries to disk; where the platform cannot (Windows), the rename is durable as it is. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported for folders on this platform
        }
    }
}
