package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** A node with the document and JSON pointer it was found at. */
record Located(JsonNode node, Doc doc, String pointer) {
    Located child(String key) {
        JsonNode n = node == null ? null : node.get(key);
        return new Located(n, doc, pointer + "/" + Trees.escape(key));
    }

    Located child(int i) {
        JsonNode n = node == null ? null : node.get(i);
        return new Located(n, doc, pointer + "/" + i);
    }

    boolean missing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** A stable identity: document and pointer. */
    String identity() {
        return doc.uri + "#" + pointer;
    }

    String ref() {
        return node != null
                        && node.isObject()
                        && node.get("$ref") != null
                        && node.get("$ref").isTextual()
                ? node.get("$ref").asText()
                : null;
    }
}
