package io.eventflow.model.asyncapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.asyncapi.internal.Trees;
import io.eventflow.model.asyncapi.internal.V2Converter;
import io.eventflow.model.asyncapi.internal.V3Writer;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Writes a design as AsyncAPI 3.0.0 or 2.6.0, YAML or JSON: one document for the whole system, or one per service.
 * Always generated from the design (AsyncAPI data kept from an import is merged back in); the same design gives the
 * same bytes.
 */
public final class AsyncApiExporter {
    /** The text format of exported documents. */
    public enum Format {
        YAML("yaml"),
        JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    private AsyncApiExporter() {}

    /** The whole system as one document tree. */
    public static ObjectNode toTree(Design design, AsyncApiVersion version) {
        ObjectNode v3 = V3Writer.write(design, null);
        return version == AsyncApiVersion.V3_0 ? v3 : V2Converter.convert(v3);
    }

    /**
     * One service's document tree: its operations and the channels, messages and servers they use.
     *
     * @throws NoSuchElementException when the design has no such service
     */
    public static ObjectNode toTree(Design design, AsyncApiVersion version, String serviceId) {
        if (design.service(serviceId).isEmpty()) {
            throw new NoSuchElementException("the design has no service '" + serviceId + "'");
        }
        ObjectNode v3 = V3Writer.write(design, serviceId);
        return version == AsyncApiVersion.V3_0 ? v3 : V2Converter.convert(v3);
    }

    /** The whole system as one document text. */
    public static String export(Design design, AsyncApiVersion version, Format format) {
        return write(toTree(design, version), format);
    }

    /**
     * One document per service, keyed by file name ({@code <service id>.asyncapi.yaml} or {@code .json}), in the
     * design's service order. Messages used by several services are repeated in each document.
     */
    public static Map<String, String> exportPerService(Design design, AsyncApiVersion version, Format format) {
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Service s : design.services()) {
            String base = Trees.slug(s.id());
            String name = Trees.unique(base, used) + ".asyncapi." + format.extension();
            files.put(name, write(toTree(design, version, s.id()), format));
        }
        return files;
    }

    /** A document tree as text. */
    public static String write(ObjectNode document, Format format) {
        return format == Format.JSON ? Trees.json(document) : Trees.yaml(document);
    }
}
