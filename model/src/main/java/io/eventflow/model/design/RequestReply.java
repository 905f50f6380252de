package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A requester: sends requests at a rate and waits for the reply with the same correlation id.
 *
 * @param channel id of the request channel
 * @param message id of the request message type
 * @param replyChannel id of the channel the replies come back on
 * @param replyMessage id of the reply message type
 * @param rate how often requests are sent
 * @param arrival arrival process of requests
 * @param timeout how long to wait for a reply before retrying (5s)
 * @param retry retries after a timeout
 * @param extensions {@code x-} keys kept verbatim
 */
public record RequestReply(
        String channel,
        String message,
        String replyChannel,
        String replyMessage,
        Rate rate,
        Arrival arrival,
        TimeSpan timeout,
        RetryPolicy retry,
        Map<String, JsonNode> extensions) {
    public RequestReply {
        extensions = Extensions.copy(extensions);
        Objects.requireNonNull(channel, "channel");
    }

    public RequestReply(
            String channel,
            String message,
            String replyChannel,
            String replyMessage,
            Rate rate,
            Arrival arrival,
            TimeSpan timeout,
            RetryPolicy retry) {
        this(channel, message, replyChannel, replyMessage, rate, arrival, timeout, retry, Map.of());
    }

    public TimeSpan timeoutOrDefault() {
        return timeout == null ? TimeSpan.ofSeconds(5) : timeout;
    }
}
