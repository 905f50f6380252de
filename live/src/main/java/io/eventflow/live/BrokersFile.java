package io.eventflow.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.io.InputException;
import io.eventflow.model.io.SourceTree;
import io.eventflow.model.validate.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code --brokers FILE}: where the user's brokers are, by the design's broker id. Secrets are never in the
 * file: {@code secrets} maps a client setting to the NAME of an environment variable holding its value.
 *
 * <pre>
 * eventflow-brokers: 1
 * brokers:
 *   kafka:
 *     address: kafka-1:9092,kafka-2:9092
 *     properties: {security.protocol: SASL_SSL, sasl.mechanism: PLAIN}
 *     secrets: {sasl.jaas.config: KAFKA_JAAS}
 * </pre>
 */
public final class BrokersFile {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Settings whose values are secrets: they must come from {@code secrets}, not {@code properties}. */
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|jaas|token|credential|key\\.pem).*");

    private BrokersFile() {}

    public static Map<String, Endpoint> read(Path file) throws InputException {
        return read(file, System::getenv);
    }

    /** Reads with {@code env} standing for the environment (tests). */
    public static Map<String, Endpoint> read(Path file, Function<String, String> env) throws InputException {
        SourceTree tree = SourceTree.read(file);
        List<Problem> problems = new ArrayList<>();
        Map<String, Endpoint> out = new LinkedHashMap<>();
        JsonNode root = tree.root();
        if (root == null || !root.isObject()) {
            throw new InputException(tree.locate(err("", null, "a brokers file is a mapping with 'brokers:'", null)));
        }
        unknown(root, "", Set.of("eventflow-brokers", "brokers"), problems);
        JsonNode brokers = root.get("brokers");
        if (brokers == null || !brokers.isObject()) {
            problems.add(err(
                    "/brokers",
                    null,
                    "'brokers' must map broker ids to their addresses",
                    "brokers: {kafka: {address: 'host:9092'}}"));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = brokers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Endpoint ep = broker(e.getKey(), e.getValue(), "/brokers/" + esc(e.getKey()), env, problems);
                if (ep != null) {
                    out.put(e.getKey(), ep);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.stream().map(tree::locate).toList());
        }
        return out;
    }

    private static Endpoint broker(
            String id, JsonNode n, String ptr, Function<String, String> env, List<Problem> problems) {
        if (!n.isObject()) {
            problems.add(err(ptr, id, "broker '" + id + "' must be a mapping with 'address'", null));
            return null;
        }
        unknown(n, ptr, Set.of("address", "properties", "secrets"), problems);
        JsonNode address = n.get("address");
        if (address == null || !address.isTextual() || address.asText().isBlank()) {
            problems.add(err(
                    ptr + "/address", id, "broker '" + id + "' needs an 'address' (bootstrap servers or URL)", null));
            return null;
        }
        Map<String, String> props = new LinkedHashMap<>();
        Set<String> secretKeys = new HashSet<>();
        JsonNode p = n.get("properties");
        if (p != null) {
            if (!p.isObject()) {
                problems.add(err(ptr + "/properties", id, "'properties' must map client settings to values", null));
            } else {
                p.fields().forEachRemaining(e -> {
                    String at = ptr + "/properties/" + esc(e.getKey());
                    if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                        problems.add(err(at, id, "setting '" + e.getKey() + "' must be a single value", null));
                    } else if (SECRET_KEY
                            .matcher(e.getKey().toLowerCase(Locale.ROOT))
                            .matches()) {
                        problems.add(err(
                                at,
                                id,
                                "setting '" + e.getKey() + "' looks like a secret: secrets do not go" + " in files",
                                "move it under 'secrets:' as the name of an environment variable, e.g." + " secrets: {"
                                        + e.getKey() + ": MY_ENV_VAR}"));
                    } else {
                        props.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        }
        JsonNode s = n.get("secrets");
        if (s != null) {
            if (!s.isObject()) {
                problems.add(err(
                        ptr + "/secrets",
                        id,
                        "'secrets' must map client settings to environment variable" + " names",
                        null));
            } else {
                s.fields().forEachRemaining(e -> {
                    String at = ptr + "/secrets/" + esc(e.getKey());
                    String var = e.getValue().isTextual() ? e.getValue().asText() : "";
                    if (!ENV_NAME.matcher(var).matches()) {
                        problems.add(err(
                                at,
                                id,
                                "secret '" + e.getKey() + "' must name an environment variable"
                                        + " (letters, digits, '_'), not hold the value",
                                null));
                    } else if (env.apply(var) == null) {
                        problems.add(err(
                                at,
                                id,
                                "environment variable " + var + " (secret '" + e.getKey() + "' of broker '" + id
                                        + "') is not set",
                                null));
                    } else {
                        props.put(e.getKey(), env.apply(var));
                        secretKeys.add(e.getKey());
                    }
                });
            }
        }
        return new Endpoint(id, address.asText().strip(), props, secretKeys);
    }

    private static void unknown(JsonNode n, String ptr, Set<String> known, List<Problem> problems) {
        n.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                problems.add(err(
                        ptr + "/" + esc(k),
                        null,
                        "unknown key '" + k + "'",
                        "known here: "
                                + String.join(", ", known.stream().sorted().toList())));
            }
        });
    }

    private static Problem err(String ptr, String element, String msg, String hint) {
        return Problem.error("EF401", element, ptr, msg, hint);
    }

    private static String esc(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
