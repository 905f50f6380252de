package io.eventflow.model.doc;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** The sections of the HTML page. */
final class HtmlSections {
    private final Design d;
    private final StringBuilder sb;

    HtmlSections(Design d, StringBuilder sb) {
        this.d = d;
        this.sb = sb;
    }

    void header() {
        sb.append("<header><h1>").append(Html.esc(d.name())).append("</h1>\n<p class=\"meta\">");
        if (d.version() != null) {
            sb.append("<span class=\"badge\">version ")
                    .append(Html.esc(d.version()))
                    .append("</span>");
        }
        sb.append("<span class=\"badge\">")
                .append(d.services().size())
                .append(" services</span>")
                .append("<span class=\"badge\">")
                .append(d.channels().size())
                .append(" channels</span>")
                .append("<span class=\"badge\">")
                .append(d.messages().size())
                .append(" messages</span></p>\n");
        para(d.description());
        sb.append("</header>\n");
    }

    void para(String text) {
        if (text != null && !text.isBlank()) {
            sb.append("<p>")
                    .append(Html.esc(text).replace("\n\n", "</p><p>").replace("\n", "<br>"))
                    .append("</p>\n");
        }
    }

    void overview() {
        sb.append("<h2 id=\"overview\">Overview</h2>\n<div class=\"diagram\">\n")
                .append(DiagramSvgWriter.inline(d))
                .append("</div>\n<p class=\"meta\">Blue: producers · green: consumers · violet: services that do both ·"
                        + " amber: channels · grey: brokers. Arrows show the direction messages flow; dashed red"
                        + " arrows lead to dead-letter channels. Click a box to jump to its description.</p>\n");
    }

    void findings(List<Problem> findings) {
        sb.append("<h2 id=\"findings\">Findings</h2>\n");
        if (findings.isEmpty()) {
            sb.append("<p>No findings.</p>\n");
            return;
        }
        sb.append("<table><tr><th>Severity</th><th>Rule</th><th>Element</th><th>Finding</th></tr>\n");
        for (Problem p : findings) {
            sb.append("<tr><td class=\"sev-")
                    .append(p.severity().key())
                    .append("\">")
                    .append(p.severity().key())
                    .append("</td><td><code>")
                    .append(Html.esc(p.rule()))
                    .append("</code></td><td>")
                    .append(p.element() == null ? "" : link(p.element()))
                    .append("</td><td>")
                    .append(Html.esc(p.message()));
            if (p.hint() != null) {
                sb.append("<br><span class=\"meta\">")
                        .append(Html.esc(p.hint()))
                        .append("</span>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    void brokers() {
        sb.append("<h2 id=\"brokers\">Brokers</h2>\n");
        for (Broker b : d.brokers()) {
            open("broker", b.id(), b.id(), b.kind().key());
            para(describe(b.id(), b.description()));
            List<String[]> rows = new ArrayList<>();
            add(
                    rows,
                    "Protocol",
                    b.effectiveProtocol() + (b.protocolVersion() != null ? " " + b.protocolVersion() : ""));
            add(rows, "Host", b.host());
            add(rows, "Nodes", b.nodes());
            kv(rows);
            sb.append("</section>\n");
        }
    }

    void channels() {
        sb.append("<h2 id=\"channels\">Channels</h2>\n");
        for (Channel c : d.channels()) {
            open(
                    "channel",
                    c.id(),
                    c.title() != null ? c.title() : c.id(),
                    d.kindOf(c).map(Object::toString).orElse(""));
            sb.append("<p><code>").append(Html.esc(c.effectiveAddress())).append("</code>");
            if (c.broker() != null) {
                sb.append(" on ").append(link(c.broker()));
            }
            if (c.isExternal()) {
                sb.append(" <span class=\"badge\">external</span>");
            }
            sb.append("</p>\n");
            para(describe(c.id(), c.description()));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Messages", links(c.messages())});
            settings(c, rows);
            if (c.signing() != null) {
                add(rows, "Signed", c.signing().describe());
            }
            if (c.deadLetter() != null) {
                rows.add(new String[] {"Dead letters to", link(c.deadLetter())});
            }
            List<String> deadLettered = deadLetterSources(c.id());
            if (!deadLettered.isEmpty()) {
                rows.add(new String[] {"Dead letters from", links(deadLettered)});
            }
            rows.add(new String[] {"Sent by", links(senders(c.id()))});
            rows.add(new String[] {"Received by", links(receivers(c.id()))});
            kvRaw(rows);
            sb.append("</section>\n");
        }
    }

    private void settings(Channel c, List<String[]> rows) {
        BrokerKind on = d.kindOf(c).orElse(BrokerKind.OTHER);
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).describeChannel(d, c, on, (label, value) -> add(rows, label, value));
        }
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind)
                    .describeChannelLinks(d, c, (label, ids) -> rows.add(new String[] {label, links(ids)}));
        }
    }

    /** Channels (broker dead-lettering) and services (failed processing) whose dead letters go to a channel. */
    private List<String> deadLetterSources(String channel) {
        List<String> out = new ArrayList<>();
        d.channels().stream().filter(c -> channel.equals(c.deadLetter())).forEach(c -> out.add(c.id()));
        d.services().stream()
                .filter(s -> s.subscribes().stream().anyMatch(sub -> channel.equals(sub.deadLetter())))
                .forEach(s -> out.add(s.id()));
        return out;
    }

    private List<String> senders(String channel) {
        List<String> out = new ArrayList<>();
        for (Service s : d.services()) {
            boolean sends = s.publishes().stream().anyMatch(p -> p.channel().equals(channel))
                    || s.requests().stream().anyMatch(r -> r.channel().equals(channel))
                    || s.subscribes().stream()
                            .anyMatch(sub -> sub.reply() != null
                                    && channel.equals(sub.reply().channel()));
            if (sends) {
                out.add(s.id());
            }
        }
        return out;
    }

    private List<String> receivers(String channel) {
        List<String> out = new ArrayList<>();
        for (Service s : d.services()) {
            if (s.subscribes().stream().anyMatch(sub -> sub.channel().equals(channel))
                    || s.requests().stream().anyMatch(r -> channel.equals(r.replyChannel()))) {
                out.add(s.id());
            }
        }
        return out;
    }

    void messages() {
        new HtmlMessageSection(d, sb, this).write();
    }

    void services() {
        sb.append("<h2 id=\"services\">Services</h2>\n");
        for (Service s : d.services()) {
            open(
                    "service",
                    s.id(),
                    s.title() != null ? s.title() : s.id(),
                    s.role().name().toLowerCase(java.util.Locale.ROOT));
            para(describe(s.id(), s.description()));
            List<String[]> rows = new ArrayList<>();
            add(rows, "Instances", s.instances());
            add(rows, "External", s.external());
            if (s.producer() != null) {
                add(rows, "Producer acks", s.producer().acks());
                add(rows, "Idempotent", s.producer().idempotent());
                add(rows, "Send retries", retry(s.producer().retry()));
            }
            kv(rows);
            sends(s);
            receives(s);
            sb.append("</section>\n");
        }
    }

    private void sends(Service s) {
        if (s.publishes().isEmpty() && s.requests().isEmpty()) {
            return;
        }
        boolean about =
                s.publishes().stream().anyMatch(p -> !about(p.extensions()).isEmpty());
        sb.append("<h4>Sends</h4>\n<table><tr><th>Channel</th><th>Message</th><th>When</th><th>Key</th>")
                .append(about ? "<th>Operation</th>" : "")
                .append("</tr>\n");
        for (Publication p : s.publishes()) {
            String when = p.isChained()
                    ? "per message processed" + (p.from() != null ? " from " + p.from() : "")
                    : p.rate() == null
                            ? ""
                            : p.rate()
                                    + (p.arrival() != null ? " (" + p.arrival().kind() + ")" : "");
            String kindWhen = KindRows.publication(p);
            when = when.isEmpty() ? kindWhen : kindWhen.isEmpty() ? when : when + ", " + kindWhen;
            String message = p.message() != null
                    ? link(p.message())
                    : listed(p.extensions()) != null ? links(listed(p.extensions())) : "any";
            String key = Html.esc(p.key() != null ? p.key() : p.routingKey() != null ? p.routingKey() : "");
            if (about) {
                row(link(p.channel()), message, Html.esc(when), key, about(p.extensions()));
            } else {
                row(link(p.channel()), message, Html.esc(when), key);
            }
        }
        for (RequestReply r : s.requests()) {
            row(
                    link(r.channel()),
                    r.message() == null ? "any" : link(r.message()),
                    Html.esc("request at " + (r.rate() == null ? "?" : r.rate()) + ", reply on ")
                            + (r.replyChannel() == null ? "?" : link(r.replyChannel())),
                    "");
        }
        sb.append("</table>\n");
    }

    private void receives(Service s) {
        if (s.subscribes().isEmpty()) {
            return;
        }
        boolean about = s.subscribes().stream()
                .anyMatch(sub -> !about(sub.extensions()).isEmpty() || listed(sub.extensions()) != null);
        sb.append("<h4>Receives</h4>\n<table><tr><th>Channel</th><th>Group</th><th>Delivery</th><th>Processing</th>"
                        + "<th>On failure</th>")
                .append(about ? "<th>Operation</th>" : "")
                .append("</tr>\n");
        for (Subscription sub : s.subscribes()) {
            String processing = sub.processing() == null
                    ? ""
                    : sub.processing().kindOrDefault() + " "
                            + (sub.processing().mean() != null
                                    ? "mean " + sub.processing().mean()
                                    : "");
            String failure =
                    (sub.retry() != null ? retry(sub.retry()) : "") + (sub.deadLetter() != null ? "; then to " : "");
            String session = KindRows.subscription(d, sub);
            String[] cells = {
                link(sub.channel()),
                Html.esc(sub.groupOr(s.id())),
                Html.esc(sub.deliveryOrDefault().key() + (session.isEmpty() ? "" : "; " + session)),
                Html.esc(processing.trim()),
                Html.esc(failure) + (sub.deadLetter() != null ? link(sub.deadLetter()) : "")
            };
            if (about) {
                List<String> only = listed(sub.extensions());
                String text = about(sub.extensions());
                String messages = only == null ? "" : "only " + links(only);
                cells = java.util.Arrays.copyOf(cells, cells.length + 1);
                cells[cells.length - 1] = text + (!text.isEmpty() && !messages.isEmpty() ? "<br>" : "") + messages;
            }
            row(cells);
        }
        sb.append("</table>\n");
    }

    /**
     * The summary and description of the AsyncAPI operation a publication or subscription was imported from (kept
     * in its {@code x-asyncapi} extension), as HTML; empty when it has none.
     */
    private static String about(java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> extensions) {
        com.fasterxml.jackson.databind.JsonNode raw = extensions.get(io.eventflow.model.asyncapi.internal.Ext.RAW);
        if (raw == null) {
            return "";
        }
        String summary = raw.path("summary").asText("");
        String description = raw.path("description").asText("");
        StringBuilder out = new StringBuilder();
        if (!summary.isEmpty()) {
            out.append("<strong>").append(Html.esc(summary)).append("</strong>");
        }
        if (!description.isEmpty() && !description.equals(summary)) {
            out.append(out.length() > 0 ? "<br>" : "").append(Html.esc(description));
        }
        return out.toString();
    }

    /** The messages an operation lists when not all of its channel's (imported), or null. */
    private static List<String> listed(java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> extensions) {
        com.fasterxml.jackson.databind.JsonNode list =
                extensions.get(io.eventflow.model.asyncapi.internal.Ext.MESSAGES);
        if (list == null || !list.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        list.forEach(m -> out.add(m.asText()));
        return out;
    }

    private static String retry(RetryPolicy r) {
        return r == null
                ? null
                : r.attempts() + " attempts, " + r.backoffOrDefault() + " backoff from " + r.initialOrDefault();
    }

    private void row(String... cells) {
        sb.append("<tr>");
        for (String c : cells) {
            sb.append("<td>").append(c).append("</td>");
        }
        sb.append("</tr>\n");
    }

    void open(String kind, String id, String title, String badge) {
        sb.append("<section class=\"card\" id=\"")
                .append(kind)
                .append('-')
                .append(Html.anchor(id))
                .append("\">\n")
                .append("<h3>")
                .append(Html.esc(title));
        if (badge != null && !badge.isEmpty()) {
            sb.append(" <span class=\"badge\">").append(Html.esc(badge)).append("</span>");
        }
        if (!title.equals(id)) {
            sb.append(" <span class=\"meta\"><code>").append(Html.esc(id)).append("</code></span>");
        }
        sb.append("</h3>\n");
    }

    String describe(String id, String description) {
        String note = d.notes().get(id);
        if (description == null) {
            return note;
        }
        return note == null || note.equals(description) ? description : description + "\n\nNote: " + note;
    }

    static void add(List<String[]> rows, String key, Object value) {
        if (value != null) {
            rows.add(new String[] {key, Html.esc(value.toString())});
        }
    }

    void kv(List<String[]> rows) {
        kvRaw(rows);
    }

    void kvRaw(List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("<table>\n");
        for (String[] r : rows) {
            sb.append("<tr><td class=\"k\">")
                    .append(Html.esc(r[0]))
                    .append("</td><td>")
                    .append(r[1])
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    String links(List<String> ids) {
        if (ids.isEmpty()) {
            return "<span class=\"meta\">none</span>";
        }
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(link(id)));
        return String.join(", ", out);
    }

    /** A link to the section of the element with this id (plain text when there is none). */
    String link(String id) {
        String kind = d.channel(id).isPresent()
                ? "channel"
                : d.message(id).isPresent()
                        ? "message"
                        : d.service(id).isPresent() ? "service" : d.broker(id).isPresent() ? "broker" : null;
        if (kind == null) {
            return Html.esc(id);
        }
        return "<a href=\"#" + kind + "-" + Html.anchor(id) + "\">" + Html.esc(id) + "</a>";
    }
}
