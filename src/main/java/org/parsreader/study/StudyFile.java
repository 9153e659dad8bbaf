package org.parsreader.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A reader study as written in {@code study.json} (schema {@code docs/schema/study-1.schema.json}):
 * where the cases are, who reads them in which role, the template, blinding, the randomisation
 * seed of the worklists and the tolerances under which two numbers count as the same.
 *
 * @param cases      the case folders: {@code folder} (relative to the study file's folder, or
 *                   absolute) and optionally {@code list}, the case folder names in it (absent:
 *                   every case folder in it)
 * @param tolerances per numeric finding, the largest difference that still counts as agreement
 *                   (in the finding's unit); absent findings: any difference counts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyFile(int schemaVersion, String title, Cases cases, List<Reader> readers, Template template, Blinding blinding,
                        Long seed, Map<String, Double> tolerances) {
    public static final int SCHEMA_VERSION = 1;

    public StudyFile {
        readers = readers == null ? List.of() : List.copyOf(readers);
        tolerances = tolerances == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tolerances));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cases(String folder, List<String> list) {
        public Cases {
            list = list == null ? null : List.copyOf(list);
        }
    }

    /** A study role: an independent {@code reader} (R1, R2 in the order listed), the {@code consensus} read, or a named {@code third} reader who adjudicates. */
    public enum Role {
        READER, CONSENSUS, THIRD;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Role parse(String s) {
            for (Role r : values()) if (r.label().equals(s)) return r;
            throw new IllegalArgumentException("role " + (s == null ? "null" : "'" + s + "'") + " is not reader, consensus or third");
        }
    }

    public record Reader(String id, Role role) {}

    /** @param file a template file of the study's own (relative to the study file), or absent for a built-in template */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Template(String id, String version, String file) {}

    /**
     * @param identity     readers see no patient identity (the reading panel's blinded mode)
     * @param otherReaders the independent reads are compared (discrepancies, consensus) only once both are frozen
     */
    public record Blinding(Boolean identity, Boolean otherReaders) {}

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The study file as JSON text (indented, ending in a newline). */
    public byte[] toJson() {
        try {
            return (MAPPER.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new StudyException("cannot write the study file: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a study file strictly: unknown or duplicate fields, a missing field, trailing content
     * and a newer schema are refused, naming {@code source} and the field. Checks the meaning
     * (readers, template, cases) in {@link Study#open}.
     */
    public static StudyFile read(byte[] json, String source) {
        StudyFile f;
        try {
            f = MAPPER.readValue(json, StudyFile.class);
        } catch (JsonMappingException e) {
            String at = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new StudyException(source + ": " + (at.isEmpty() ? "" : at + ": ") + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (JsonProcessingException e) {
            throw new StudyException(source + ": not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), e);
        } catch (java.io.IOException e) {
            throw new StudyException(source + ": " + e.getMessage(), e);
        }
        if (f == null) throw new StudyException(source + ": empty study file");
        if (f.schemaVersion() > SCHEMA_VERSION) {
            throw new StudyException(source + ": schemaVersion " + f.schemaVersion() + " is from a newer Pars Reader (this one reads " + SCHEMA_VERSION + ")");
        }
        if (f.schemaVersion() < 1) throw new StudyException(source + ": schemaVersion must be " + SCHEMA_VERSION + ", was " + f.schemaVersion());
        return f;
    }

    /**
     * A new study: two independent readers, an optional consensus or third reader, the template,
     * blinding on, and the seed (null: a random one, written into the file so it is known).
     */
    public static StudyFile create(String title, String casesFolder, List<String> caseList, List<String> readers, String adjudicator,
                                   StudyFile.Role adjudicatorRole, String templateId, String templateVersion, String templateFile,
                                   boolean blindIdentity, Long seed, Map<String, Double> tolerances) {
        List<Reader> rs = new java.util.ArrayList<>();
        for (String r : readers) rs.add(new Reader(r, Role.READER));
        if (adjudicator != null) rs.add(new Reader(adjudicator, adjudicatorRole));
        long s = seed != null ? seed : new java.security.SecureRandom().nextLong() >>> 16;
        return new StudyFile(SCHEMA_VERSION, title, new Cases(casesFolder, caseList), rs, new Template(templateId, templateVersion, templateFile),
                new Blinding(blindIdentity, true), s, tolerances);
    }

    /** This study with one more case in its list (a study without a list takes every case folder and needs none). */
    public StudyFile withCase(String caseName) {
        if (cases.list() == null) return this;
        if (cases.list().contains(caseName)) throw new StudyException("case " + caseName + " is already in the study");
        List<String> l = new java.util.ArrayList<>(cases.list());
        l.add(caseName);
        return new StudyFile(schemaVersion, title, new Cases(cases.folder(), l), readers, template, blinding, seed, tolerances);
    }

    /** This study with one more reader. */
    public StudyFile withReader(Reader r) {
        if (readers.stream().anyMatch(x -> x.id().equals(r.id()))) throw new StudyException("reader " + r.id() + " is already in the study");
        List<Reader> l = new java.util.ArrayList<>(readers);
        l.add(r);
        return new StudyFile(schemaVersion, title, cases, l, template, blinding, seed, tolerances);
    }
}
