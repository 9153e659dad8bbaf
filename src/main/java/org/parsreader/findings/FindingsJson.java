package org.parsreader.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Findings documents to and from JSON. Reading checks the schema version: older versions are
 * migrated forward step by step ({@link #MIGRATIONS}), newer ones are refused with a message
 * saying so; malformed JSON is reported with line, column and field.
 */
public final class FindingsJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * Migration i turns a schema (i + 1) document into schema (i + 2). Schema 1 is the first
     * published format, so there is nothing to migrate yet; the next format change adds a step
     * here and keeps a fixture of the old version in src/test/resources/findings/.
     */
    static final List<UnaryOperator<ObjectNode>> MIGRATIONS = List.of();

    private FindingsJson() {}

    public static byte[] write(FindingsDocument doc) {
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new FindingsException("cannot write findings as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a findings document; {@code source} (a file name) is named in every error. */
    public static FindingsDocument read(byte[] json, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FindingsException(source + ": not valid JSON: " + clean(e.getOriginalMessage()) + where(e));
        } catch (IOException e) {
            throw new FindingsException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) throw new FindingsException(source + ": not a findings document (expected a JSON object)");
        JsonNode v = tree.get("schemaVersion");
        if (v == null || !v.canConvertToInt()) {
            throw new FindingsException(source + ": schemaVersion is missing or not a number; expected 1.."
                    + FindingsDocument.SCHEMA_VERSION);
        }
        int version = v.intValue();
        if (version > FindingsDocument.SCHEMA_VERSION) {
            throw new NewerSchemaException(source + ": written with findings schema " + version + " by a newer Pars Reader; this version reads schemas up to "
                    + FindingsDocument.SCHEMA_VERSION + ". Update Pars Reader; the file is left as it is.");
        }
        if (version < 1) throw new FindingsException(source + ": schemaVersion " + version + " is not valid (schemas start at 1)");
        ObjectNode node = (ObjectNode) tree;
        for (int from = version; from < FindingsDocument.SCHEMA_VERSION; from++) {
            node = MIGRATIONS.get(from - 1).apply(node);
            node.put("schemaVersion", from + 1);
        }
        try {
            return MAPPER.treeToValue(node, FindingsDocument.class);
        } catch (JsonMappingException e) {
            throw new FindingsException(source + ": " + field(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new FindingsException(source + ": " + e.getOriginalMessage());
        }
    }

    /** "values[2].side" from Jackson's path. */
    static String field(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) b.append('[').append(r.getIndex()).append(']');
        }
        return b.length() == 0 ? "(document)" : b.toString();
    }

    /** Jackson's message without its "[Source: ...]" clutter. */
    static String clean(String message) {
        return message.replaceAll("\\[Source: [^\\]]*\\]; ", "");
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** A findings file written by a newer Pars Reader: intact, but not readable by this version. */
    public static final class NewerSchemaException extends FindingsException {
        private static final long serialVersionUID = 1L;

        NewerSchemaException(String message) {
            super(message);
        }
    }
}
