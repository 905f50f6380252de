package io.eventflow.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.ChannelSettings;
import io.eventflow.model.design.Compatibility;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ElementId;
import io.eventflow.model.design.KindSettings;
import io.eventflow.model.design.LintSettings;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Service;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.validate.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Maps the tree of a {@code .eventflow.yaml} file onto a {@link Design}, reporting every problem it meets. */
public final class DesignReader {
    private final List<Problem> problems = new ArrayList<>();

    private DesignReader() {}

    /** The design read from a tree, and the problems found while reading (pointers only, no locations yet). */
    public record Result(Design design, List<Problem> problems) {}

    public static Result read(JsonNode root) {
        DesignReader reader = new DesignReader();
        Design design = reader.design(root);
        return new Result(design, List.copyOf(reader.problems));
    }

    private Design design(JsonNode root) {
        if (!root.isObject()) {
            problems.add(
                    Problem.error("EF100", null, "", "a design file must be a map with 'eventflow: 1' on top", null));
            return Design.empty("Untitled");
        }
        JsonNode asyncapi = root.get("asyncapi");
        if (asyncapi != null && !root.has("eventflow")) {
            problems.add(Problem.error(
                    "EF100",
                    null,
                    "/asyncapi",
                    "this is an AsyncAPI " + asyncapi.asText() + " document, not an EventFlow design",
                    "import it instead: 'eventflow import FILE', or File > Import AsyncAPI in the app"));
            return Design.empty("Untitled");
        }
        Fields f = new Fields(root, "", problems, null);
        JsonNode version = f.raw("eventflow");
        if (version == null) {
            f.error(
                    null,
                    "not an EventFlow design: 'eventflow: 1' is missing",
                    "add 'eventflow: 1' as the first line, or import AsyncAPI documents with 'eventflow import'");
        } else if (!version.isInt() || version.intValue() < 1) {
            f.error("eventflow", "'eventflow' must be the format version 1", null);
        } else if (version.intValue() > Design.FORMAT_VERSION) {
            f.error(
                    "eventflow",
                    "this design was written in format version " + version.intValue()
                            + ", newer than this EventFlow Studio reads (" + Design.FORMAT_VERSION + ")",
                    "update EventFlow Studio");
        }
        List<Broker> brokers = new ArrayList<>();
        for (Fields b : f.objects("brokers", DesignReader::idOf)) {
            if (b != null) {
                brokers.add(broker(b));
            }
        }
        List<MessageType> messages = new ArrayList<>();
        for (Fields m : f.objects("messages", DesignReader::idOf)) {
            if (m != null) {
                messages.add(message(m));
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (Fields c : f.objects("channels", DesignReader::idOf)) {
            if (c != null) {
                channels.add(channel(c));
            }
        }
        List<Service> services = new ArrayList<>();
        for (Fields s : f.objects("services", DesignReader::idOf)) {
            if (s != null) {
                services.add(ServiceReader.service(s));
            }
        }
        Design d = new Design(
                Objects.requireNonNullElse(f.str("name"), "Untitled"),
                f.str("version"),
                f.str("description"),
                brokers,
                messages,
                channels,
                services,
                layout(f),
                notes(f),
                lint(f.object("lint", null)),
                f.extensions());
        f.rejectUnknown();
        return d;
    }

    private static String idOf(JsonNode n) {
        JsonNode id = n.get("id");
        return id != null && id.isValueNode() ? id.asText() : null;
    }

    static String id(Fields f, String what) {
        String id = f.str("id");
        if (id == null || id.isBlank()) {
            f.error(null, "this " + what + " has no 'id'", "give every " + what + " a unique id");
            return ElementId.MISSING;
        }
        return id;
    }

    private Broker broker(Fields f) {
        String id = id(f, "broker");
        BrokerKind kind = f.parsed("kind", BrokerKind::fromKey);
        if (kind == null && !f.has("kind")) {
            f.error(null, "broker '" + id + "' has no 'kind'", "use one of " + BrokerKind.keys());
        }
        Broker b = new Broker(
                id,
                kind == null ? BrokerKind.OTHER : kind,
                f.integer("nodes"),
                f.str("host"),
                f.str("protocol"),
                f.str("protocolVersion"),
                f.str("description"),
                f.timeSpan("failoverTime"),
                f.timeSpan("replicationLag"),
                f.extensions());
        f.rejectUnknown();
        return b;
    }

    private MessageType message(Fields f) {
        String id = id(f, "message");
        JsonNode examples = f.raw("examples");
        MessageType m = new MessageType(
                id,
                f.str("name"),
                f.str("title"),
                f.str("summary"),
                f.str("description"),
                f.str("contentType"),
                f.str("schemaFormat"),
                f.raw("payload"),
                f.raw("headers"),
                f.str("correlationId"),
                f.size("sizeBytes"),
                SigningFormat.read(f),
                examples,
                compatibility(f),
                f.extensions());
        f.rejectUnknown();
        return m;
    }

    private Channel channel(Fields f) {
        String id = id(f, "channel");
        List<KindSettings> parts = new ArrayList<>();
        for (BrokerKind kind : BrokerKind.values()) {
            KindSettings part = KindProfiles.of(kind).readChannel(f);
            if (part != null) {
                parts.add(part);
            }
        }
        List<String> messages = f.strings("messages");
        Channel c = new Channel(
                id,
                f.str("broker"),
                f.str("address"),
                messages,
                f.str("title"),
                f.str("description"),
                f.bool("external"),
                f.str("deadLetter"),
                ChannelSettings.of(parts),
                compatibility(f),
                SigningFormat.read(f),
                f.extensions());
        f.rejectUnknown();
        return c;
    }

    private static Compatibility compatibility(Fields f) {
        return f.keyed("compatibility", Compatibility.class, "compatibility mode");
    }

    private Map<String, Position> layout(Fields f) {
        Fields l = f.object("layout", null);
        Map<String, Position> layout = new LinkedHashMap<>();
        if (l == null) {
            return layout;
        }
        l.node().fieldNames().forEachRemaining(id -> {
            Fields p = l.object(id, id);
            if (p != null) {
                Double x = p.number("x");
                Double y = p.number("y");
                if (x != null && y != null) {
                    layout.put(id, new Position(x, y, p.extensions()));
                } else if (x == null && y == null && !p.has("x") && !p.has("y")) {
                    p.error(null, "the position of '" + id + "' needs x and y", null);
                }
                p.rejectUnknown();
            }
        });
        return layout;
    }

    private Map<String, String> notes(Fields f) {
        Fields n = f.object("notes", null);
        Map<String, String> notes = new LinkedHashMap<>();
        if (n == null) {
            return notes;
        }
        n.node().fieldNames().forEachRemaining(id -> {
            String text = n.str(id);
            if (text != null) {
                notes.put(id, text);
            }
        });
        return notes;
    }

    private LintSettings lint(Fields f) {
        if (f == null) {
            return null;
        }
        Map<String, String> rules = new LinkedHashMap<>();
        Fields r = f.object("rules", null);
        if (r != null) {
            r.node().fieldNames().forEachRemaining(id -> {
                // YAML 1.1 reads an unquoted 'off' as false.
                JsonNode raw = r.node().get(id);
                String level = raw.isBoolean() && !raw.booleanValue() ? "off" : r.str(id);
                if (level != null && !List.of("off", "info", "warning", "error").contains(level)) {
                    r.error(id, "rule level '" + level + "' is not one of off, info, warning, error", null);
                } else if (level != null) {
                    rules.put(id, level);
                }
            });
        }
        LintSettings s = new LintSettings(
                rules,
                f.size("maxMessageSize"),
                f.str("addressPattern"),
                f.timeSpan("expectedDowntime"),
                f.extensions());
        f.rejectUnknown();
        return s;
    }
}
