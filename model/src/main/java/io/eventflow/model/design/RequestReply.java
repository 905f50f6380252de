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

    /** A copy with {@code channel} set. */
    public RequestReply withChannel(String newChannel) {
        return new RequestReply(
                newChannel, message, replyChannel, replyMessage, rate, arrival, timeout, retry, extensions);
    }

    /** A copy with {@code message} set. */
    public RequestReply withMessage(String newMessage) {
        return new RequestReply(
                channel, newMessage, replyChannel, replyMessage, rate, arrival, timeout, retry, extensions);
    }

    /** A copy with {@code replyChannel} set. */
    public RequestReply withReplyChannel(String newReplyChannel) {
        return new RequestReply(
                channel, message, newReplyChannel, replyMessage, rate, arrival, timeout, retry, extensions);
    }

    /** A copy with {@code replyMessage} set. */
    public RequestReply withReplyMessage(String newReplyMessage) {
        return new RequestReply(
                channel, message, replyChannel, newReplyMessage, rate, arrival, timeout, retry, extensions);
    }

    /** A copy with {@code rate} set. */
    public RequestReply withRate(Rate newRate) {
        return new RequestReply(
                channel, message, replyChannel, replyMessage, newRate, arrival, timeout, retry, extensions);
    }

    /** A copy with {@code timeout} set. */
    public RequestReply withTimeout(TimeSpan newTimeout) {
        return new RequestReply(
                channel, message, replyChannel, replyMessage, rate, arrival, newTimeout, retry, extensions);
    }
}
