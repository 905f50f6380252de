package io.eventflow.app.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.eventflow.live.BrokersFile;
import io.eventflow.live.Endpoint;
import io.eventflow.model.io.InputException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The user's brokers for live runs on configured brokers, kept in their configuration folder (never in a design):
 * {@code brokers.yaml} in the {@code --brokers} file format ({@code docs/live.md}), so the same file works on the
 * command line. Secrets are either the name of an environment variable (written in the file, as the format says) or
 * typed in the connection dialog: a typed secret lives in memory for this session only, unless the user asks to
 * remember it; then it goes to {@code broker-secrets.properties} beside it, readable by the user only.
 */
public final class Connections {
    /** A secret of a broker: a client setting whose value comes from an environment variable or was typed. */
    public record Secret(String setting, String envVar, String typed, boolean remember) {
        public Secret {
            if ((envVar == null) == (typed == null)) {
                throw new IllegalArgumentException("a secret is either an environment variable or typed: " + setting);
            }
        }

        public static Secret fromEnv(String setting, String var) {
            return new Secret(setting, var, null, false);
        }

        public static Secret typed(String setting, String value, boolean remember) {
            return new Secret(setting, null, value, remember);
        }

        @Override
        public String toString() {
            return "Secret[" + setting + (envVar != null ? " from $" + envVar : " typed") + "]";
        }
    }

    /** One broker's connection: address, client settings (TLS, SASL, ...) and secrets. */
    public record Connection(String brokerId, String address, Map<String, String> properties, List<Secret> secrets) {
        public Connection {
            properties = Map.copyOf(new LinkedHashMap<>(properties));
            secrets = List.copyOf(secrets);
        }
    }

    private final Path file;
    private final Path secretsFile;
    private final Function<String, String> env;
    private final Map<String, Connection> connections = new LinkedHashMap<>();

    public Connections(Path configDir) {
        this(configDir, System::getenv);
    }

    /** With {@code env} standing for the environment (tests). */
    public Connections(Path configDir, Function<String, String> env) {
        this.file = configDir.resolve("brokers.yaml");
        this.secretsFile = configDir.resolve("broker-secrets.properties");
        this.env = env;
        load();
    }

    public Path file() {
        return file;
    }

    public Path secretsFile() {
        return secretsFile;
    }

    /** The connections by broker id, in file order. */
    public synchronized Map<String, Connection> all() {
        return Map.copyOf(connections);
    }

    public synchronized Connection get(String brokerId) {
        return connections.get(brokerId);
    }

    private synchronized void load() {
        if (!Files.exists(file)) {
            return;
        }
        Map<String, Endpoint> read;
        try {
            // the variables' values are not needed to list the connections: any name reads as set
            read = BrokersFile.read(file, name -> "");
        } catch (InputException e) {
            Logger.warn("cannot read the broker connections in {}: {}", file, e.problems());
            return;
        }
        Properties remembered = new Properties();
        if (Files.exists(secretsFile)) {
            try (Reader r = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
                remembered.load(r);
            } catch (IOException | IllegalArgumentException e) {
                Logger.warn("cannot read the remembered secrets in {}", secretsFile);
            }
        }
        Map<String, Map<String, String>> envNames = envNames();
        read.forEach((id, ep) -> {
            Map<String, String> props = new LinkedHashMap<>();
            List<Secret> secrets = new ArrayList<>();
            ep.properties().forEach((k, v) -> {
                if (!ep.secretKeys().contains(k)) {
                    props.put(k, v);
                }
            });
            envNames.getOrDefault(id, Map.of()).forEach((k, var) -> secrets.add(Secret.fromEnv(k, var)));
            String prefix = id + "/";
            for (String key : remembered.stringPropertyNames()) {
                if (key.startsWith(prefix)) {
                    secrets.add(Secret.typed(key.substring(prefix.length()), remembered.getProperty(key), true));
                }
            }
            connections.put(id, new Connection(id, ep.address(), props, secrets));
        });
    }

    /** broker id → setting → variable name, as the file says (BrokersFile resolves values, not names). */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, String>> envNames() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try {
            Map<String, Object> root = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
            Object brokers = root.get("brokers");
            if (brokers instanceof Map<?, ?> bm) {
                bm.forEach((id, b) -> {
                    if (b instanceof Map<?, ?> m && m.get("secrets") instanceof Map<?, ?> s) {
                        Map<String, String> names = new LinkedHashMap<>();
                        s.forEach((k, v) -> names.put(String.valueOf(k), String.valueOf(v)));
                        out.put(String.valueOf(id), names);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            Logger.warn("cannot read the secrets' variable names in {}", file);
        }
        return out;
    }

    /**
     * Replaces every connection and writes them: the file is checked as {@code --brokers} would read it before it
     * replaces the old one. Typed secrets are written only where {@link Secret#remember()} says so.
     *
     * @throws InputException what is wrong, each problem naming the broker and setting (nothing is written then)
     */
    public synchronized void save(List<Connection> list) throws InputException, IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, yaml(list), StandardCharsets.UTF_8);
        try {
            BrokersFile.read(tmp, name -> "");
        } catch (InputException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        writeRemembered(list);
        connections.clear();
        list.forEach(c -> connections.put(c.brokerId(), c));
    }

    private void writeRemembered(List<Connection> list) throws IOException {
        Properties p = new Properties();
        for (Connection c : list) {
            for (Secret s : c.secrets()) {
                if (s.typed() != null && s.remember()) {
                    p.setProperty(c.brokerId() + "/" + s.setting(), s.typed());
                }
            }
        }
        if (p.isEmpty()) {
            Files.deleteIfExists(secretsFile);
            return;
        }
        Path tmp = secretsFile.resolveSibling(secretsFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not POSIX (Windows): the user's profile folder is private already
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "EventFlow Studio: broker secrets the user asked to remember (broker/setting=value)");
        }
        Files.move(tmp, secretsFile, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The file's text: the {@code --brokers} format, env secrets by name, typed secrets left out. */
    static String yaml(List<Connection> list) throws IOException {
        Map<String, Object> brokers = new LinkedHashMap<>();
        for (Connection c : list) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("address", c.address());
            if (!c.properties().isEmpty()) {
                b.put("properties", new java.util.TreeMap<>(c.properties()));
            }
            Map<String, String> names = new LinkedHashMap<>();
            c.secrets().stream().filter(s -> s.envVar() != null).forEach(s -> names.put(s.setting(), s.envVar()));
            if (!names.isEmpty()) {
                b.put("secrets", names);
            }
            brokers.put(c.brokerId(), b);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("eventflow-brokers", 1);
        root.put("brokers", brokers);
        ObjectMapper m = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        return "# EventFlow Studio: where your brokers are (the eventflow live --brokers format, docs/live.md).\n"
                + "# Secrets are names of environment variables, never values.\n"
                + m.writeValueAsString(root);
    }

    /**
     * The endpoints of a live run on configured brokers: every connection with its secrets' values (environment
     * variables read now, typed ones from memory).
     *
     * @throws IllegalStateException naming the broker, setting and variable when a variable is not set
     */
    public synchronized Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Connection c : connections.values()) {
            Map<String, String> props = new LinkedHashMap<>(c.properties());
            Set<String> secretKeys = new HashSet<>();
            for (Secret s : c.secrets()) {
                String v = s.typed() != null ? s.typed() : env.apply(s.envVar());
                if (v == null) {
                    problems.add("broker '" + c.brokerId() + "': environment variable " + s.envVar() + " (secret '"
                            + s.setting() + "') is not set");
                    continue;
                }
                props.put(s.setting(), v);
                secretKeys.add(s.setting());
            }
            out.put(c.brokerId(), new Endpoint(c.brokerId(), c.address(), props, secretKeys));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return out;
    }
}
