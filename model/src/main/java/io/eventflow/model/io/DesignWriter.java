package io.eventflow.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.eventflow.model.design.Arrival;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.Keyed;
import io.eventflow.model.design.LintSettings;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.kind.SettingsSink;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a {@link Design} as a {@code .eventflow.yaml} text, with a stable key order so designs diff cleanly. */
public final class DesignWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .build();
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private DesignWriter() {}

    /** The design as YAML text. */
    public static String toYaml(Design design) {
        try {
            return YAML.writeValueAsString(toTree(design));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The design as the tree a file holds (the same tree {@link DesignReader} reads). */
    public static ObjectNode toTree(Design d) {
        ObjectNode root = NF.objectNode();
        root.put("eventflow", Design.FORMAT_VERSION);
        put(root, "name", d.name());
        put(root, "version", d.version());
        put(root, "description", d.description());
        list(root, "brokers", d.brokers().stream().map(DesignWriter::broker).toList());
        list(root, "messages", d.messages().stream().map(DesignWriter::message).toList());
        list(root, "channels", d.channels().stream().map(DesignWriter::channel).toList());
        list(root, "services", d.services().stream().map(DesignWriter::service).toList());
        if (!d.layout().isEmpty()) {
            ObjectNode layout = root.putObject("layout");
            for (Map.Entry<String, Position> e : d.layout().entrySet()) {
                ObjectNode p = layout.putObject(e.getKey());
                p.set("x", num(e.getValue().x()));
                p.set("y", num(e.getValue().y()));
                e.getValue().extensions().forEach(p::set);
            }
        }
        if (!d.notes().isEmpty()) {
            ObjectNode notes = root.putObject("notes");
            d.notes().forEach(notes::put);
        }
        if (!d.lint().isEmpty()) {
            root.set("lint", lint(d.lint()));
        }
        d.extensions().forEach(root::set);
        return root;
    }

    private static ObjectNode broker(Broker b) {
        ObjectNode o = NF.objectNode();
        o.put("id", b.id());
        o.put("kind", b.kind().key());
        put(o, "nodes", b.nodes());
        put(o, "host", b.host());
        put(o, "protocol", b.protocol());
        put(o, "protocolVersion", b.protocolVersion());
        put(o, "description", b.description());
        put(o, "failoverTime", b.failoverTime());
        put(o, "replicationLag", b.replicationLag());
        b.extensions().forEach(o::set);
        return o;
    }

    private static ObjectNode message(MessageType m) {
        ObjectNode o = NF.objectNode();
        o.put("id", m.id());
        put(o, "name", m.name());
        put(o, "title", m.title());
        put(o, "summary", m.summary());
        put(o, "description", m.description());
        put(o, "contentType", m.contentType());
        put(o, "schemaFormat", m.schemaFormat());
        put(o, "payload", m.payload());
        put(o, "headers", m.headers());
        put(o, "correlationId", m.correlationId());
        put(o, "sizeBytes", m.size());
        SigningFormat.write(o, m.signing());
        put(o, "examples", m.examples());
        put(
                o,
                "compatibility",
                m.compatibility() == null ? null : m.compatibility().key());
        m.extensions().forEach(o::set);
        return o;
    }

    private static ObjectNode channel(Channel c) {
        ObjectNode o = NF.objectNode();
        o.put("id", c.id());
        put(o, "broker", c.broker());
        put(o, "address", c.address());
        if (!c.messages().isEmpty()) {
            ArrayNode a = o.putArray("messages");
            c.messages().forEach(a::add);
        }
        put(o, "title", c.title());
        put(o, "description", c.description());
        put(o, "external", c.external());
        SigningFormat.write(o, c.signing());
        SettingsSink sink = new SettingsSink() {
            @Override
            public void put(String key, Object value) {
                DesignWriter.put(o, key, value);
            }

            @Override
            public void putStrings(String key, List<String> values) {
                if (values != null) {
                    ArrayNode a = o.putArray(key);
                    values.forEach(a::add);
                }
            }
        };
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).writeChannel(c, sink);
        }
        put(o, "deadLetter", c.deadLetter());
        put(
                o,
                "compatibility",
                c.compatibility() == null ? null : c.compatibility().key());
        c.extensions().forEach(o::set);
        return o;
    }

    private static ObjectNode service(Service s) {
        ObjectNode o = NF.objectNode();
        o.put("id", s.id());
        put(o, "title", s.title());
        put(o, "description", s.description());
        put(o, "instances", s.instances());
        put(o, "external", s.external());
        list(
                o,
                "publishes",
                s.publishes().stream().map(DesignWriter::publication).toList());
        if (s.producer() != null) {
            o.set("producer", producer(s.producer()));
        }
        list(
                o,
                "subscribes",
                s.subscribes().stream().map(DesignWriter::subscription).toList());
        list(o, "requests", s.requests().stream().map(DesignWriter::request).toList());
        s.extensions().forEach(o::set);
        return o;
    }

    private static ObjectNode publication(Publication p) {
        ObjectNode o = NF.objectNode();
        o.put("channel", p.channel());
        put(o, "message", p.message());
        put(o, "rate", p.rate());
        putArrival(o, p.arrival());
        put(o, "key", p.key());
        put(o, "keys", p.keys());
        put(o, "routingKey", p.routingKey());
        put(o, "per", p.per());
        put(o, "from", p.from());
        put(o, "will", p.will());
        put(o, "transaction", p.transaction());
        if (p.rollbackPercent() != null) {
            o.set("rollbackPercent", num(p.rollbackPercent()));
        }
        p.extensions().forEach(o::set);
        return o;
    }

    private static void putArrival(ObjectNode o, Arrival a) {
        if (a == null) {
            return;
        }
        if (a.isSimple()) {
            o.put("arrival", a.kind().key());
            return;
        }
        ObjectNode n = o.putObject("arrival");
        n.put("kind", a.kind().key());
        put(n, "on", a.on());
        put(n, "off", a.off());
        put(n, "from", a.from());
        put(n, "to", a.to());
        put(n, "over", a.over());
        a.extensions().forEach(n::set);
    }

    private static ObjectNode producer(ProducerSettings p) {
        ObjectNode o = NF.objectNode();
        if (p.acks() != null) {
            String key = p.acks().key();
            o.set(
                    "acks",
                    key.chars().allMatch(Character::isDigit) ? NF.numberNode(Integer.parseInt(key)) : NF.textNode(key));
        }
        put(o, "idempotent", p.idempotent());
        put(o, "transactional", p.transactional());
        if (p.retry() != null) {
            o.set("retry", retry(p.retry()));
        }
        p.extensions().forEach(o::set);
        return o;
    }

    private static ObjectNode retry(RetryPolicy r) {
        ObjectNode o = NF.objectNode();
        put(o, "maxAttempts", r.maxAttempts());
        put(o, "backoff", r.backoff());
        put(o, "initial", r.initial());
        put(o, "max", r.max());
        if (r.multiplier() != null) {
            o.set("multiplier", num(r.multiplier()));
        }
        put(o, "jitter", r.jitter());
        r.extensions().forEach(o::set);
        return o;
    }

    private static ObjectNode subscription(Subscription s) {
        ObjectNode o = NF.objectNode();
        o.put("channel", s.channel());
        put(o, "group", s.group());
        put(o, "startFrom", s.startFrom());
        Distribution d = s.processing();
        if (d != null) {
            if (d.kind() == null
                    && d.stddev() == null
                    && d.min() == null
                    && d.max() == null
                    && d.mean() != null
                    && d.extensions().isEmpty()) {
                put(o, "processing", d.mean());
            } else {
                ObjectNode n = o.putObject("processing");
                put(n, "distribution", d.kind());
                put(n, "mean", d.mean());
                put(n, "stddev", d.stddev());
                put(n, "min", d.min());
                put(n, "max", d.max());
                d.extensions().forEach(n::set);
            }
        }
        put(o, "concurrency", s.concurrency());
        put(o, "prefetch", s.prefetch());
        put(o, "qos", s.qos());
        put(o, "delivery", s.delivery());
        put(o, "mechanism", s.mechanism());
        put(o, "dedupWindow", s.dedupWindow());
        if (s.commit() != null) {
            ObjectNode c = o.putObject("commit");
            put(c, "mode", s.commit().mode());
            put(c, "interval", s.commit().interval());
            s.commit().extensions().forEach(c::set);
        }
        if (s.retry() != null) {
            o.set("retry", retry(s.retry()));
        }
        put(o, "deadLetter", s.deadLetter());
        if (s.reply() != null) {
            ObjectNode r = o.putObject("reply");
            put(r, "channel", s.reply().channel());
            put(r, "message", s.reply().message());
            s.reply().extensions().forEach(r::set);
        }
        put(o, "maxDowntime", s.maxDowntime());
        put(o, "durable", s.durable());
        put(o, "sessionExpiry", s.sessionExpiry());
        put(o, "receiveMaximum", s.receiveMaximum());
        put(o, "claimIdle", s.claimIdle());
        put(o, "isolation", s.isolation());
        put(o, "rebalancePause", s.rebalancePause());
        put(o, "verify", s.verify());
        s.extensions().forEach(o::set);
        return o;
    }

    private static ObjectNode request(RequestReply r) {
        ObjectNode o = NF.objectNode();
        o.put("channel", r.channel());
        put(o, "message", r.message());
        put(o, "replyChannel", r.replyChannel());
        put(o, "replyMessage", r.replyMessage());
        put(o, "rate", r.rate());
        putArrival(o, r.arrival());
        put(o, "timeout", r.timeout());
        if (r.retry() != null) {
            o.set("retry", retry(r.retry()));
        }
        r.extensions().forEach(o::set);
        return o;
    }

    private static ObjectNode lint(LintSettings l) {
        ObjectNode o = NF.objectNode();
        if (!l.rules().isEmpty()) {
            ObjectNode rules = o.putObject("rules");
            new TreeMap<>(l.rules()).forEach(rules::put);
        }
        put(o, "maxMessageSize", l.maxMessageSize());
        put(o, "addressPattern", l.addressPattern());
        put(o, "expectedDowntime", l.expectedDowntime());
        l.extensions().forEach(o::set);
        return o;
    }

    private static void list(ObjectNode o, String key, List<ObjectNode> items) {
        if (!items.isEmpty()) {
            ArrayNode a = o.putArray(key);
            items.forEach(a::add);
        }
    }

    private static JsonNode num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? NF.numberNode((long) v) : NF.numberNode(v);
    }

    private static void put(ObjectNode o, String key, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof JsonNode n) {
            o.set(key, n);
        } else if (value instanceof String s) {
            o.put(key, s);
        } else if (value instanceof Integer i) {
            o.put(key, i);
        } else if (value instanceof Boolean b) {
            o.put(key, b);
        } else if (value instanceof Keyed k) {
            o.put(key, k.key());
        } else if (value instanceof TimeSpan || value instanceof Rate || value instanceof DataSize) {
            // A bare number is written as a YAML number only when it reads back as the same text (not 007, 1.50).
            String text = value.toString();
            if (text.matches("0|[1-9][0-9]{0,17}")) {
                o.put(key, Long.parseLong(text));
            } else if (text.matches("[0-9]+\\.[0-9]+")
                    && Double.toString(Double.parseDouble(text)).equals(text)) {
                o.put(key, Double.parseDouble(text));
            } else {
                o.put(key, text);
            }
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }
}
