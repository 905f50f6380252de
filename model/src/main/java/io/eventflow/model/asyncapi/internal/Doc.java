package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.io.SourceTree;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * One document read for an import: an AsyncAPI file or a file a {@code $ref} points into. For 2.x documents the tree
 * is the upgraded (3.0-shaped) one and {@code pointers} maps its pointers back to the file's.
 */
public final class Doc {
    final URI uri;
    final String name;
    final SourceTree source;
    JsonNode root;
    final Map<String, String> pointers = new TreeMap<>();
    String version;

    Doc(URI uri, String name, SourceTree source) {
        this.uri = uri;
        this.name = name;
        this.source = source;
        this.root = source.root();
    }

    /** Line and column in the file of the node at a pointer of {@link #root}. */
    int[] location(String pointer) {
        String p = pointer == null ? "" : pointer;
        String best = null;
        for (String k : pointers.keySet()) {
            if ((p.equals(k) || p.startsWith(k + "/")) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        String mapped = best == null ? p : pointers.get(best) + p.substring(best.length());
        return source.location(mapped);
    }

    /** The file pointer a pointer of {@link #root} stands for (after a 2.x upgrade). */
    String filePointer(String pointer) {
        String best = null;
        for (String k : pointers.keySet()) {
            if ((pointer.equals(k) || pointer.startsWith(k + "/")) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best == null ? pointer : pointers.get(best) + pointer.substring(best.length());
    }

    boolean isV2() {
        return version != null && version.startsWith("2.");
    }

    public String name() {
        return name;
    }
}
