package io.eventflow.model.kind;

/** Why something asked of a channel (a fault, an action) does not apply to its kind: the error and its hint. */
public record Refusal(String message, String hint) {}
