package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import java.util.List;

/** The request/reply exchanges a service starts: request and reply channel and message, rate and timeout. */
final class RequestForms {
    private RequestForms() {}

    static void requests(Form f, InspectorViewModel vm, Design d, Service s) {
        String svc = s.id();
        String[] channels = d.channels().stream().map(Channel::id).toArray(String[]::new);
        String[] messages = d.messages().stream().map(MessageType::id).toArray(String[]::new);
        List<RequestReply> requests = s.requests();
        for (int i = 0; i < requests.size(); i++) {
            RequestReply r = requests.get(i);
            int at = i;
            String n = "request-" + (i + 1) + "-";
            f.section("Request " + (i + 1) + ": " + r.channel() + " ⇄ "
                    + (r.replyChannel() == null ? "?" : r.replyChannel()));
            f.reference("Channel", channels, r.channel(), v -> {
                        if (v != null) {
                            vm.editRequest(svc, at, "channel", x -> x.withChannel(v));
                        }
                    })
                    .setId("field-" + n + "channel");
            f.reference(
                            "Message",
                            messages,
                            r.message(),
                            v -> vm.editRequest(svc, at, "message", x -> x.withMessage(v)))
                    .setId("field-" + n + "message");
            f.reference(
                            "Reply channel",
                            channels,
                            r.replyChannel(),
                            v -> vm.editRequest(svc, at, "reply channel", x -> x.withReplyChannel(v)))
                    .setId("field-" + n + "reply-channel");
            f.reference(
                            "Reply message",
                            messages,
                            r.replyMessage(),
                            v -> vm.editRequest(svc, at, "reply message", x -> x.withReplyMessage(v)))
                    .setId("field-" + n + "reply-message");
            f.text("Rate", r.rate(), Parsers.RATE, v -> vm.editRequest(svc, at, "rate", x -> x.withRate(v)))
                    .setId("field-" + n + "rate");
            f.text(
                            "Timeout",
                            r.timeout(),
                            Parsers.DURATION,
                            v -> vm.editRequest(svc, at, "timeout", x -> x.withTimeout(v)))
                    .setId("field-" + n + "timeout");
            f.link("Remove request " + (i + 1), () -> vm.editRequest(svc, at, "removed", x -> null));
        }
        if (channels.length > 0) {
            f.link("Add a request/reply exchange", () -> vm.addRequest(svc, channels[0]));
        }
    }
}
