package org.parsreader.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and checks reading templates; every problem names the template, the finding and what is expected. */
final class TemplateJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TemplateJson() {}

    static ReadingTemplate read(byte[] json, String source) {
        ReadingTemplate t;
        try {
            t = MAPPER.readValue(json, ReadingTemplate.class);
        } catch (JsonProcessingException e) {
            throw new FindingsException(source + ": not a valid reading template: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (java.io.IOException e) {
            throw new FindingsException(source + ": cannot read: " + e.getMessage());
        }
        List<String> problems = check(t);
        if (!problems.isEmpty()) throw new FindingsException(source + ": " + String.join("; ", problems));
        return t;
    }

    static List<String> check(ReadingTemplate t) {
        List<String> p = new ArrayList<>();
        if (t.id() == null || !t.id().matches("[a-z0-9-]+")) p.add("id '" + t.id() + "' must be lower-case letters, digits and '-'");
        if (t.version() == null || !t.version().matches("\\d+\\.\\d+\\.\\d+")) p.add("version '" + t.version() + "' must look like 1.0.0");
        if (t.levels() == null || t.levels().isEmpty()) p.add("levels: at least one level is required");
        if (t.findings() == null || t.findings().isEmpty()) {
            p.add("findings: at least one finding type is required");
            return p;
        }
        Set<String> ids = new HashSet<>();
        for (ReadingTemplate.FindingType f : t.findings()) {
            String at = "finding '" + f.id() + "'";
            if (f.id() == null || !f.id().matches("[a-z][a-z0-9_]*")) p.add(at + ": id must be lower_snake_case");
            if (!ids.add(f.id())) p.add(at + ": defined twice");
            if (f.scope() == null) p.add(at + ": scope is required (level-side, segment, injection)");
            if (f.type() == null) {
                p.add(at + ": type is required (choice, choices, number, boolean)");
                continue;
            }
            boolean needsValues = f.type() == ReadingTemplate.ValueType.CHOICE || f.type() == ReadingTemplate.ValueType.CHOICES;
            if (needsValues && (f.values() == null || f.values().isEmpty())) p.add(at + ": a " + f.type() + " needs values");
            if (!needsValues && f.values() != null) p.add(at + ": values are only for choice and choices");
            if (f.type() == ReadingTemplate.ValueType.NUMBER && f.unit() == null) p.add(at + ": a number needs a unit");
            if (f.min() != null && f.max() != null && f.min() > f.max()) p.add(at + ": min > max");
            if (f.tolerance() != null && f.type() != ReadingTemplate.ValueType.NUMBER) p.add(at + ": a tolerance is only for numbers");
            if (f.tolerance() != null && !(f.tolerance() >= 0)) p.add(at + ": tolerance " + f.tolerance() + " must be a number >= 0");
        }
        for (String r : t.requiredFindings()) {
            if (!ids.contains(r)) p.add("required: '" + r + "' is not a finding of this template (findings: " + String.join(", ", ids.stream().sorted().toList()) + ")");
        }
        return p;
    }
}
