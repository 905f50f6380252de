package io.eventflow.model.design;

/**
 * A responder's answer to each request it processes, sent on the reply channel with the request's correlation id.
 *
 * @param channel id of the reply channel
 * @param message id of the reply message type
 */
public record Reply(String channel, String message) {}
