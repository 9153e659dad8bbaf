package org.parsreader.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Moves a findings document from the template version it was read with to the current version
 * of that built-in template, step by step ({@link #STEPS}), keeping every value, ROI, measurement,
 * level mark and comment. The result is checked against the target template; a document that would
 * not be valid there is refused, naming the problems, so nothing is migrated into an invalid state.
 *
 * <p>This is the template's vocabulary, not the file format: the file format has its own chain in
 * {@link FindingsJson#MIGRATIONS}. A step that only adds findings changes nothing but the version
 * stamp; a future step that renames a finding or recodes a value does it in {@link Step#change()}.
 *
 * <pre>{@code
 * TemplateMigration.Result r = TemplateMigration.toCurrent(doc);
 * if (r.changed()) bytes = FindingsJson.write(r.document());
 * }</pre>
 */
public final class TemplateMigration {
    /**
     * One step from {@code from} to {@code to} of template {@code templateId}.
     *
     * @param change what the step does to the document besides the version stamp (identity when it only adds findings)
     * @param what   one line for the user and the audit log
     */
    public record Step(String templateId, String from, String to, UnaryOperator<FindingsDocument> change, String what) {}

    /** Every step there is, oldest first. */
    static final List<Step> STEPS = List.of(
            new Step("pars-injection", "1.0.0", "1.1.0", d -> d,
                    "adds central canal stenosis (Lee), disc herniation, nerve root contact (Pfirrmann), facet effusion, bony union, "
                            + "the injectate (anaesthetic, steroid, volume); listhesis, Meyerding and facet arthropathy readable on CT or MR; "
                            + "no finding changed"));

    /**
     * A migration's outcome.
     *
     * @param document the document at the target version (the input itself when nothing was to do)
     * @param from     the version it was at
     * @param steps    the steps applied, empty when it already was at the target version
     */
    public record Result(FindingsDocument document, String from, List<Step> steps) {
        public boolean changed() {
            return !steps.isEmpty();
        }

        /** The target version. */
        public String to() {
            return document.template().version();
        }
    }

    private TemplateMigration() {}

    /** Migrates {@code doc} to the current version of its built-in template. */
    public static Result toCurrent(FindingsDocument doc) {
        if (doc.template() == null || doc.template().id() == null) throw new FindingsException("template.id is missing: cannot tell what to migrate to");
        String id = doc.template().id();
        if (!ReadingTemplate.BUILT_IN.contains(id)) {
            throw new FindingsException("template " + Quote.of(id) + " is not built in (built in: " + String.join(", ", ReadingTemplate.BUILT_IN)
                    + "); a study's own template is migrated by the study");
        }
        return to(doc, CURRENT.computeIfAbsent(id, ReadingTemplate::builtIn));
    }

    /** The current built-in templates, parsed once per run over a folder of cases rather than once per file. */
    private static final java.util.Map<String, ReadingTemplate> CURRENT = new java.util.concurrent.ConcurrentHashMap<>();

    /** Migrates {@code doc} to {@code target}'s version; throws when there is no path or the result is not valid there. */
    public static Result to(FindingsDocument doc, ReadingTemplate target) {
        String id = doc.template() == null ? null : doc.template().id();
        if (!target.id().equals(id)) {
            throw new FindingsException("template.id " + Quote.of(id) + " is not template '" + target.id() + "'");
        }
        String from = doc.template().version();
        List<Step> path = path(id, from, target.version());
        FindingsDocument d = doc;
        for (Step s : path) {
            d = s.change().apply(d);
            d = withVersion(d, s.to());
        }
        List<FindingsValidator.Problem> problems = FindingsValidator.validate(d, target);
        if (!problems.isEmpty()) {
            throw new FindingsException("not migrated to " + target.id() + " " + target.version() + ": the result would not be valid there: "
                    + String.join("; ", problems.stream().limit(5).map(Object::toString).toList())
                    + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : ""));
        }
        return new Result(d, from, path);
    }

    /** The steps from {@code from} to {@code to} of template {@code id}; empty when equal; throws naming the versions when there is none. */
    static List<Step> path(String id, String from, String to) {
        List<Step> out = new ArrayList<>();
        String at = from;
        while (at != null && !at.equals(to)) {
            Step next = null;
            for (Step s : STEPS) if (s.templateId().equals(id) && s.from().equals(at)) next = s;
            if (next == null) {
                String why = newer(from, to) ? " (it is newer than this Pars Reader's " + to + ": update Pars Reader)" : "";
                throw new FindingsException("template " + id + " version " + Quote.of(from) + " has no migration to " + to + why
                        + "; versions here: " + String.join(", ", ReadingTemplate.builtInVersions(id)));
            }
            out.add(next);
            at = next.to();
        }
        if (at == null) throw new FindingsException("template " + id + ": version is missing: cannot tell what to migrate from");
        return List.copyOf(out);
    }

    /** Whether version a (1.2.0) is above b, compared number by number; false when either is not of that form. */
    static boolean newer(String a, String b) {
        if (a == null || b == null || !a.matches("\\d{1,9}(\\.\\d{1,9})*") || !b.matches("\\d{1,9}(\\.\\d{1,9})*")) return false;
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0, q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) return p > q;
        }
        return false;
    }

    private static FindingsDocument withVersion(FindingsDocument d, String version) {
        return new FindingsDocument(d.schemaVersion(), d.pseudonym(), d.studyInstanceUids(), d.reader(),
                new FindingsDocument.TemplateRef(d.template().id(), version), d.created(), d.modified(), d.values(), d.rois(),
                d.measurements(), d.identity(), d.levels(), d.comments());
    }
}
