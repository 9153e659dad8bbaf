package org.parsreader.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Findings documents to and from JSON: the one strict way every part of Pars Reader reads a
 * findings file. Reading refuses duplicate keys, content after the document, {@code null} where
 * an array (or a list entry) is required, unknown fields, and a {@code reader.id} that differs
 * from the reader the file name says ({@code <reader>.findings.json}); it checks the schema
 * version: older versions are migrated forward step by step ({@link #MIGRATIONS}), newer ones are
 * refused with a message saying so. Every error names the source, the field or key, and quotes
 * at most {@value Quote#MAX} characters of a bad value.
 */
public final class FindingsJson {
    /** File name suffix of a reader's findings: {@code <reader id>.findings.json}. */
    public static final String FILE_SUFFIX = ".findings.json";
    private static final Pattern READER_ID = Pattern.compile(FindingsValidator.READER_ID);

    static final ObjectMapper MAPPER = mapper();

    /**
     * Migration i turns a schema (i + 1) document into schema (i + 2). Schema 1 is the first
     * published format, so there is nothing to migrate yet; the next format change adds a step
     * here and keeps a fixture of the old version in src/test/resources/findings/.
     */
    static final List<UnaryOperator<ObjectNode>> MIGRATIONS = List.of();

    private FindingsJson() {}

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // the document's own bytes never go into a message (it may hold a 1 MB value)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .errorReportConfiguration(ErrorReportConfiguration.builder()
                        .maxErrorTokenLength(Quote.MAX).maxRawContentLength(0).build())
                .build();
        ObjectMapper m = new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // a confidence of 2.5 is refused, not read as 2
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        // null is no entry of a list: "values": [null], "points": [null], "dims": [1, null, 2] are refused
        // ("values": null is refused by nullArray(): Jackson's value-null rule also fires for absent fields)
        JsonSetter.Value noNulls = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        for (Class<?> array : List.of(List.class, double[].class, int[].class)) {
            m.configOverride(array).setSetterInfo(noNulls);
            // and the writer leaves an absent list or array out instead of writing the null the reader refuses:
            // a document read without, say, a mask's columnStep must reopen after it is saved (found by fuzzing)
            m.configOverride(array).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
        }
        return m;
    }

    public static byte[] write(FindingsDocument doc) {
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new FindingsException("cannot write findings as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The reader a findings file belongs to by its name: {@code R1} for {@code .../R1.findings.json};
     * empty for any other name (a fixture, a damaged file set aside, a kept version).
     */
    public static Optional<String> readerOfFileName(String source) {
        if (source == null) return Optional.empty();
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        if (!name.endsWith(FILE_SUFFIX)) return Optional.empty();
        String id = name.substring(0, name.length() - FILE_SUFFIX.length());
        return READER_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** Reads a findings file (see {@link #read(byte[], String)}); an I/O error names the file. */
    public static FindingsDocument readFile(Path file) throws IOException {
        return read(readBytes(file), file.toString());
    }

    /** The bytes of {@code file}; every I/O error names it (a folder, a missing or unreadable file). */
    public static byte[] readBytes(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException(file + ": is a folder, not a findings file");
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        } catch (IOException e) {
            String m = e.getMessage();
            if (m != null && m.contains(file.toString())) throw e;
            throw new IOException(file + ": cannot read: " + m, e);
        }
    }

    /**
     * Reads a findings document; {@code source} (a file name) is named in every error. When
     * {@code source} is named {@code <reader>.findings.json}, the document's {@code reader.id}
     * must be that reader.
     */
    public static FindingsDocument read(byte[] json, String source) {
        return read(json, source, readerOfFileName(source).orElse(null));
    }

    /**
     * Reads a findings document that must belong to {@code readerId} (null: any reader);
     * {@code source} is named in every error.
     */
    public static FindingsDocument read(byte[] json, String source, String readerId) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FindingsException(source + ": not valid JSON: " + syntax(e) + where(e));
        } catch (IOException e) {
            throw new FindingsException(source + ": cannot read: " + Quote.clip(e.getMessage()), e);
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
        String nullArray = nullArray(node, FindingsDocument.class, "");
        if (nullArray != null) throw new FindingsException(source + ": " + nullArray + ": null where an array is required");
        FindingsDocument doc;
        try {
            doc = MAPPER.treeToValue(node, FindingsDocument.class);
        } catch (InvalidNullException e) {
            throw new FindingsException(source + ": " + field(e) + ": null where an array (or a list entry) is required");
        } catch (JsonMappingException e) {
            throw new FindingsException(source + ": " + field(e) + ": " + Quote.clip(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new FindingsException(source + ": " + Quote.clip(e.getOriginalMessage()));
        }
        if (readerId != null) {
            String id = doc.reader() == null ? null : doc.reader().id();
            if (!readerId.equals(id)) {
                throw new FindingsException(source + ": reader.id " + (id == null ? "is missing" : Quote.of(id))
                        + " but the file belongs to reader '" + readerId + "' (" + readerId + FILE_SUFFIX
                        + " holds that reader's findings); rename the file or fix reader.id");
            }
        }
        return doc;
    }

    /**
     * The path of the first explicit {@code null} given for a list or array field of {@code type}
     * (a record) or of the records inside it, or null if there is none. Absent fields are fine.
     */
    static String nullArray(JsonNode node, Class<?> type, String at) {
        if (!node.isObject() || !type.isRecord()) return null;
        for (Component c : COMPONENTS.get(type)) {
            JsonNode v = node.get(c.name());
            if (v == null) continue;
            if (v.isNull() && c.arrayLike()) return path(at, c.name());
            if (c.element() != null && v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    JsonNode e = v.get(i);
                    if (!e.isObject()) continue; // only records hold arrays of their own
                    String inner = nullArray(e, c.element(), path(at, c.name()) + "[" + i + "]");
                    if (inner != null) return inner;
                }
            } else if (c.record() && v.isObject()) {
                String inner = nullArray(v, c.type(), path(at, c.name()));
                if (inner != null) return inner;
            }
        }
        return null;
    }

    private static String path(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    /** What {@link #nullArray} needs of a record component, looked up by reflection once per class (it ran per document). */
    private record Component(String name, Class<?> type, boolean arrayLike, Class<?> element, boolean record) {}

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> out = new java.util.ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> raw = c.getType();
                boolean list = List.class.isAssignableFrom(raw);
                Class<?> element = list && c.getGenericType() instanceof ParameterizedType pt
                        && pt.getActualTypeArguments()[0] instanceof Class<?> e && e.isRecord() ? e : null;
                out.add(new Component(c.getName(), raw, list || raw.isArray(), element, raw.isRecord()));
            }
            return List.copyOf(out);
        }
    };

    /** "values[2].side" from Jackson's path. */
    static String field(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) b.append(b.length() == 0 ? "" : ".").append(Quote.clipPlain(r.getFieldName()));
            else if (r.getIndex() >= 0) b.append('[').append(r.getIndex()).append(']');
        }
        return b.length() == 0 ? "(document)" : b.toString();
    }

    /** What is wrong with the JSON syntax, with the key it concerns where there is one. */
    private static String syntax(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (e instanceof MismatchedInputException && m != null && m.startsWith("Trailing token")) {
            return "content after the end of the document";
        }
        if (m != null && m.startsWith("Duplicate field ")) {
            String key = m.substring("Duplicate field ".length());
            return "duplicate key " + Quote.clip(key) + at(e) + " (a key may appear once per object)";
        }
        return clean(Quote.clip(m));
    }

    /** " in values[0]": the object holding the key the parser stopped at. */
    private static String at(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p) || p.getParsingContext() == null) return "";
        String path = path(p.getParsingContext());
        return path.isEmpty() ? " at the top level" : " in " + path;
    }

    private static String path(JsonStreamContext c) {
        JsonStreamContext up = c.getParent();
        if (up == null || up.inRoot()) return "";
        String above = path(up);
        if (up.inArray()) return above + "[" + up.getCurrentIndex() + "]";
        return (above.isEmpty() ? "" : above + ".") + Quote.clipPlain(up.getCurrentName());
    }

    /** Jackson's message without its "[Source: ...]" clutter. */
    static String clean(String message) {
        return message == null ? "" : message.replaceAll("\\[Source: [^\\]]*\\]; ", "");
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
