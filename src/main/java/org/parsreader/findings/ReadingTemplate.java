package org.parsreader.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vocabulary of a reading study, from a versioned JSON file: the levels, the sides, and
 * every finding type with its scope, value type, allowed values, unit, the series it is read
 * on, and a standard code where one exists. Nothing about the pars is hard-wired: the
 * transforaminal epidural template uses the same machinery with nerve roots as levels.
 *
 * @param levels             levels in cranio-caudal order ("L1" .. "S1", or nerve roots)
 * @param transitionalLevels extra levels a reader may add for a transitional vertebra ("L6")
 * @param required           findings a finished read must have a value for (at any level), so a
 *                           worklist can tell a complete case from a started one; optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadingTemplate(
        String id,
        String version,
        String title,
        String description,
        List<String> levels,
        List<String> transitionalLevels,
        List<FindingType> findings,
        List<String> required) {

    public static final List<String> BUILT_IN = List.of("pars-injection", "transforaminal-esi");

    /**
     * Earlier versions of the built-in templates, kept in the jar as {@code templates/<id>-<version>.json}
     * so that a study pinned to one, and findings written with one, still read ({@link #builtIn(String, String)});
     * {@link TemplateMigration} moves findings from them to the current version.
     */
    public static final Map<String, List<String>> KEPT_VERSIONS = Map.of("pars-injection", List.of("1.0.0"));

    /** Where a finding applies. */
    public enum Scope {
        /** per level and side (pars defect, edema) */
        @JsonProperty("level-side") LEVEL_SIDE,
        /** per level, about the segment below it (disc, listhesis) */
        @JsonProperty("segment") SEGMENT,
        /** per level and side, about the segment below it (facet joint, neural foramen) */
        @JsonProperty("segment-side") SEGMENT_SIDE,
        /** per injected level and side (needle, contrast) */
        @JsonProperty("injection") INJECTION
    }

    /** The kind of value a finding holds. */
    public enum ValueType {
        /** one of {@code values}; {@code ordered} for grades */
        @JsonProperty("choice") CHOICE,
        /** any subset of {@code values} */
        @JsonProperty("choices") CHOICES,
        /** a number in {@code unit}, within [min, max] */
        @JsonProperty("number") NUMBER,
        /** present / absent */
        @JsonProperty("boolean") BOOLEAN
    }

    /** A standard code: scheme (SCT, RADLEX, DCM), value, meaning. */
    public record Code(String scheme, String value, String meaning) {}

    /**
     * One finding type.
     *
     * @param series the series it is read on: "CT", "MR-STIR", "MR-T2", "MR" ...
     * @param roi    the ROI kind that supports it, if any: point, line, polygon, mask3d
     * @param confidence true if the reader may give a confidence (1-5) with each value of it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingType(String id, String label, Scope scope, ValueType type, List<String> values,
                              Boolean ordered, String unit, Double min, Double max, String series, String roi,
                              Code code, String definition, Boolean confidence) {

        /** Whether a value of this finding may carry a reader confidence of 1-5. */
        public boolean hasConfidence() {
            return Boolean.TRUE.equals(confidence);
        }

        public boolean isOrdered() {
            return Boolean.TRUE.equals(ordered);
        }
    }

    /** Whether findings of this scope are per side. */
    public static boolean sided(Scope scope) {
        return scope != Scope.SEGMENT;
    }

    public Optional<FindingType> finding(String id) {
        for (FindingType f : findings) if (f.id().equals(id)) return Optional.of(f);
        return Optional.empty();
    }

    /** The findings a complete read must have (empty when the template names none). */
    public List<String> requiredFindings() {
        return required == null ? List.of() : required;
    }

    /** All levels a reader may use: the regular ones and the transitional ones. */
    public List<String> allLevels() {
        List<String> all = new ArrayList<>(levels);
        if (transitionalLevels != null) all.addAll(transitionalLevels);
        return all;
    }

    /** A template shipped in the jar, by id. */
    public static ReadingTemplate builtIn(String id) {
        if (!BUILT_IN.contains(id)) {
            throw new IllegalArgumentException("no built-in reading template " + Quote.of(id) + "; built in: " + String.join(", ", BUILT_IN));
        }
        return load("templates/" + id + ".json");
    }

    private static ReadingTemplate load(String resource) {
        try (InputStream in = ReadingTemplate.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("template resource missing from the jar: " + resource);
            return TemplateJson.read(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A built-in template in a given version: the current one, or a kept earlier one
     * ({@link #KEPT_VERSIONS}); any other version is refused naming the versions there are.
     */
    public static ReadingTemplate builtIn(String id, String version) {
        ReadingTemplate current = builtIn(id);
        if (version == null || current.version().equals(version)) return current;
        if (!KEPT_VERSIONS.getOrDefault(id, List.of()).contains(version)) {
            throw new IllegalArgumentException("built-in template " + id + " has no version " + Quote.of(version) + "; versions here: "
                    + String.join(", ", builtInVersions(id)));
        }
        return load("templates/" + id + "-" + version + ".json");
    }

    /** The versions of a built-in template this Pars Reader has: the kept ones, then the current one. */
    public static List<String> builtInVersions(String id) {
        List<String> all = new ArrayList<>(KEPT_VERSIONS.getOrDefault(id, List.of()));
        all.add(builtIn(id).version());
        return List.copyOf(all);
    }

    /** A template from a file (a study's own vocabulary). */
    public static ReadingTemplate fromFile(Path file) throws IOException {
        return TemplateJson.read(Files.readAllBytes(file), file.toString());
    }
}
