package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** The import's own structural checks of a document before it is mapped (the official schemas are not shipped). */
final class DocChecks {
    private DocChecks() {}

    static void check(Doc d, RefResolver refs) {
        Located root = new Located(d.root, d, "");
        if (!d.root.isObject()) {
            refs.error(root, "not an AsyncAPI document: the file is not a map", null);
            return;
        }
        String v = Trees.text(d.root, "asyncapi");
        if (v == null) {
            refs.error(
                    root,
                    "not an AsyncAPI document: 'asyncapi' (the version) is missing",
                    "AsyncAPI documents start with e.g. 'asyncapi: 3.0.0'");
            return;
        }
        if (!v.matches("3\\.0\\.\\d+") && !v.matches("2\\.[0-6]\\.\\d+")) {
            refs.error(
                    root.child("asyncapi"),
                    "AsyncAPI version '" + v + "' is not supported",
                    "this tool reads AsyncAPI 2.0 to 2.6 and 3.0");
            return;
        }
        d.version = v;
        JsonNode info = d.root.get("info");
        if (info == null || !info.isObject()) {
            refs.error(root.child("info"), "'info' is missing or not a map", "add info: {title: ..., version: ...}");
        } else if (Trees.text(info, "title") == null) {
            refs.warn(root.child("info"), "'info.title' is missing", null);
        }
        for (String section : new String[] {"servers", "channels", "operations", "components"}) {
            JsonNode n = d.root.get(section);
            if (n != null && !n.isObject()) {
                refs.error(root.child(section), "'" + section + "' must be a map", null);
            }
        }
        if (d.isV2() && !refs.hasErrors()) {
            V2Upgrader.upgrade(d, refs);
        }
        checkOperations(d, refs);
    }

    private static void checkOperations(Doc d, RefResolver refs) {
        Located ops = new Located(d.root, d, "").child("operations");
        if (ops.node() == null || !ops.node().isObject()) {
            return;
        }
        ops.node().fieldNames().forEachRemaining(k -> {
            Located op = ops.child(k);
            if (op.ref() == null && op.node().isObject()) {
                if (op.node().get("channel") == null) {
                    refs.error(op, "operation '" + k + "' has no 'channel'", "add channel: {$ref: '#/channels/NAME'}");
                }
                if (op.node().get("action") == null) {
                    refs.error(op, "operation '" + k + "' has no 'action'", "add action: send or receive");
                }
            }
        });
    }
}
