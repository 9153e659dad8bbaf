package org.parsreader.findings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.ReadingTemplate.FindingType;

/** Checks a document against its template; each problem names the field, the value and what was expected. */
public final class FindingsValidator {
    /** One problem: where (a JSON path such as {@code values[3].level}) and what. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    static final String READER_ID = "[A-Za-z0-9_-]{1,40}";
    static final String PSEUDONYM = "[A-Za-z0-9_-]{1,40}";

    private FindingsValidator() {}

    public static List<Problem> validate(FindingsDocument d, ReadingTemplate t) {
        List<Problem> p = new ArrayList<>();
        if (d.schemaVersion() != FindingsDocument.SCHEMA_VERSION) {
            p.add(new Problem("schemaVersion", d.schemaVersion() + " is not the current schema " + FindingsDocument.SCHEMA_VERSION));
        }
        if (d.pseudonym() == null || !d.pseudonym().matches(PSEUDONYM)) {
            p.add(new Problem("pseudonym", Quote.of(d.pseudonym()) + " must be 1-40 letters, digits, '_' or '-' (a pseudonym, never a name)"));
        }
        if (d.reader() == null) {
            p.add(new Problem("reader", "is missing; expected {id, role}"));
        } else {
            if (d.reader().id() == null || !d.reader().id().matches(READER_ID)) {
                p.add(new Problem("reader.id", Quote.of(d.reader().id()) + " must be 1-40 letters, digits, '_' or '-'"));
            }
            if (d.reader().role() == null) p.add(new Problem("reader.role", "is missing; expected R1, R2 or consensus"));
        }
        if (d.template() == null || !t.id().equals(d.template().id())) {
            p.add(new Problem("template.id", Quote.of((d.template() == null ? null : d.template().id())) + " but checked against template '" + t.id() + "'"));
        } else if (!major(d.template().version()).equals(major(t.version()))) {
            p.add(new Problem("template.version", Quote.of(d.template().version()) + " is not compatible with template version " + t.version()));
        }
        Set<String> roiIds = new HashSet<>();
        for (int i = 0; i < d.rois().size(); i++) checkRoi(d.rois().get(i), "rois[" + i + "]", t, roiIds, p);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < d.values().size(); i++) {
            FindingValue v = d.values().get(i);
            String at = "values[" + i + "]";
            FindingType f = checkPlace(v.finding(), v.level(), v.side(), at, t, p);
            if (f == null) continue;
            if (!keys.add(v.finding() + "/" + v.level() + "/" + v.side())) {
                p.add(new Problem(at, v.finding() + " at " + Quote.clipPlain(v.level()) + (v.side() == null ? "" : " " + v.side().label()) + " is given twice"));
            }
            if (v.value() == null) p.add(new Problem(at + ".value", "is missing"));
            else checkValue(f, v.value(), at + ".value", p);
            checkConfidence(f, v, at, p);
            if (v.roi() != null && !roiIds.contains(v.roi())) p.add(new Problem(at + ".roi", Quote.of(v.roi()) + " is not the id of any ROI in rois"));
        }
        for (int i = 0; i < d.measurements().size(); i++) {
            Measurement m = d.measurements().get(i);
            String at = "measurements[" + i + "]";
            FindingType f = checkPlace(m.finding(), m.level(), m.side(), at, t, p);
            if (f != null && f.unit() != null && !f.unit().equals(m.unit())) {
                p.add(new Problem(at + ".unit", Quote.of(m.unit()) + " but " + f.id() + " is measured in " + f.unit()));
            }
            if (!Double.isFinite(m.value())) p.add(new Problem(at + ".value", m.value() + " is not a finite number"));
            if (m.provenance() == null || m.provenance().method() == null || m.provenance().method().isBlank()) {
                p.add(new Problem(at + ".provenance.method", "is missing: every measurement says how it was made"));
            } else if (m.provenance().roi() != null && !roiIds.contains(m.provenance().roi())) {
                p.add(new Problem(at + ".provenance.roi", Quote.of(m.provenance().roi()) + " is not the id of any ROI in rois"));
            }
        }
        Set<String> marks = new HashSet<>();
        for (int i = 0; i < d.levelMarks().size(); i++) {
            FindingsDocument.LevelMark m = d.levelMarks().get(i);
            String at = "levels[" + i + "]";
            if (m.level() == null || !t.allLevels().contains(m.level())) p.add(new Problem(at + ".level", Quote.of(m.level()) + " is not one of " + t.allLevels()));
            if (m.frameOfReferenceUid() == null || m.frameOfReferenceUid().isBlank()) p.add(new Problem(at + ".frameOfReferenceUid", "is missing"));
            if (m.point() == null || m.point().length != 3 || !Double.isFinite(m.point()[0] + m.point()[1] + m.point()[2])) {
                p.add(new Problem(at + ".point", "expected [x, y, z] in patient mm"));
            }
            if (!marks.add(m.level() + "/" + m.frameOfReferenceUid())) p.add(new Problem(at, Quote.clipPlain(m.level()) + " is marked twice in one frame of reference"));
        }
        Set<String> commented = new HashSet<>();
        for (int i = 0; i < d.levelComments().size(); i++) {
            FindingsDocument.LevelComment c = d.levelComments().get(i);
            String at = "comments[" + i + "]";
            if (c.level() == null || !t.allLevels().contains(c.level())) p.add(new Problem(at + ".level", Quote.of(c.level()) + " is not one of " + t.allLevels()));
            else if (!commented.add(c.level())) p.add(new Problem(at, c.level() + " has two comments; one comment per level"));
            if (c.text() == null || c.text().isBlank()) p.add(new Problem(at + ".text", "is empty; leave the comment out instead"));
            else if (c.text().length() > FindingsDocument.MAX_COMMENT) {
                p.add(new Problem(at + ".text", c.text().length() + " characters; at most " + FindingsDocument.MAX_COMMENT));
            }
        }
        return p;
    }

    /** A confidence only where the template declares one, and within 1-5. */
    static void checkConfidence(FindingType f, FindingValue v, String at, List<Problem> p) {
        if (v.confidence() == null) return;
        if (!f.hasConfidence()) {
            p.add(new Problem(at + ".confidence", v.confidence() + " given, but template finding " + f.id() + " takes no confidence (\"confidence\": true declares one)"));
        } else if (v.confidence() < FindingValue.MIN_CONFIDENCE || v.confidence() > FindingValue.MAX_CONFIDENCE) {
            p.add(new Problem(at + ".confidence", v.confidence() + " is outside " + FindingValue.MIN_CONFIDENCE + "-" + FindingValue.MAX_CONFIDENCE
                    + " (1 a guess, 5 certain) for " + f.id()));
        }
    }

    private static String major(String version) {
        return version == null ? "" : version.split("\\.", 2)[0];
    }

    /** The finding type if finding, level and side fit the template; problems otherwise. */
    static FindingType checkPlace(String finding, String level, Side side, String at, ReadingTemplate t, List<Problem> p) {
        FindingType f = finding == null ? null : t.finding(finding).orElse(null);
        if (f == null) {
            p.add(new Problem(at + ".finding", Quote.of(finding) + " is not a finding of template " + t.id()));
            return null;
        }
        if (level == null || !t.allLevels().contains(level)) {
            p.add(new Problem(at + ".level", Quote.of(level) + " is not one of " + t.allLevels()));
        }
        boolean sided = ReadingTemplate.sided(f.scope());
        if (sided && side == null) p.add(new Problem(at + ".side", "is missing: " + f.id() + " is recorded per side (left or right)"));
        if (!sided && side != null) p.add(new Problem(at + ".side", Quote.of(side.label()) + " given, but " + f.id() + " is recorded per segment, without side"));
        return f;
    }

    static void checkValue(FindingType f, Value v, String at, List<Problem> p) {
        if (v instanceof Value.NotAssessable na) {
            // any finding may be not assessable; only the reason is checked
            if (!Value.NotAssessable.REASONS.contains(na.reason())) {
                p.add(new Problem(at + ".notAssessable", Quote.of(na.reason()) + " is not one of " + Value.NotAssessable.REASONS + " for " + f.id()));
            }
            return;
        }
        switch (f.type()) {
            case CHOICE -> {
                if (!(v instanceof Value.Choice c)) p.add(new Problem(at, "expected one of " + f.values() + " for " + f.id() + ", got " + Quote.clipPlain(v.text())));
                else if (!f.values().contains(c.value())) p.add(new Problem(at, Quote.of(c.value()) + " is not one of " + f.values() + " for " + f.id()));
            }
            case CHOICES -> {
                if (!(v instanceof Value.Choices cs)) {
                    p.add(new Problem(at, "expected a list of " + f.values() + " for " + f.id() + ", got " + Quote.clipPlain(v.text())));
                } else {
                    for (String s : cs.values()) if (!f.values().contains(s)) p.add(new Problem(at, Quote.of(s) + " is not one of " + f.values() + " for " + f.id()));
                    if (new HashSet<>(cs.values()).size() != cs.values().size()) p.add(new Problem(at, "lists a value twice"));
                }
            }
            case NUMBER -> {
                if (!(v instanceof Value.Number n)) p.add(new Problem(at, "expected a number in " + f.unit() + " for " + f.id() + ", got " + Quote.clipPlain(v.text())));
                else if (!Double.isFinite(n.value()) || f.min() != null && n.value() < f.min() || f.max() != null && n.value() > f.max()) {
                    p.add(new Problem(at, n.text() + " " + f.unit() + " is outside " + range(f) + " for " + f.id()));
                }
            }
            case BOOLEAN -> {
                if (!(v instanceof Value.Flag)) p.add(new Problem(at, "expected true or false for " + f.id() + ", got " + Quote.clipPlain(v.text())));
            }
        }
    }

    static String range(FindingType f) {
        return "[" + (f.min() == null ? "-inf" : new Value.Number(f.min()).text()) + ", "
                + (f.max() == null ? "inf" : new Value.Number(f.max()).text()) + "] " + f.unit();
    }

    private static void checkRoi(Roi r, String at, ReadingTemplate t, Set<String> ids, List<Problem> p) {
        if (r.id() == null || r.id().isBlank()) p.add(new Problem(at + ".id", "is missing"));
        else if (!ids.add(r.id())) p.add(new Problem(at + ".id", Quote.of(r.id()) + " is used twice"));
        if (r.type() == null) {
            p.add(new Problem(at + ".type", "is missing; expected point, line, polygon or mask3d"));
            return;
        }
        int n = r.points() == null ? 0 : r.points().size();
        switch (r.type()) {
            case POINT -> { if (n != 1) p.add(new Problem(at + ".points", n + " points for a point; expected 1")); }
            case LINE -> { if (n != 2) p.add(new Problem(at + ".points", n + " points for a line; expected 2")); }
            case POLYGON -> { if (n < 3) p.add(new Problem(at + ".points", n + " points for a polygon; expected 3 or more")); }
            case MASK3D -> checkMask(r.mask(), at + ".mask", p);
        }
        if (r.points() != null) {
            for (int i = 0; i < r.points().size(); i++) {
                double[] pt = r.points().get(i);
                if (pt == null || pt.length != 3 || !Double.isFinite(pt[0]) || !Double.isFinite(pt[1]) || !Double.isFinite(pt[2])) {
                    p.add(new Problem(at + ".points[" + i + "]", "expected [x, y, z] in patient mm"));
                }
            }
        }
        if (r.seriesInstanceUid() == null || r.seriesInstanceUid().isBlank()) {
            p.add(new Problem(at + ".seriesInstanceUid", "is missing: an ROI says which series it was drawn on"));
        }
        if (r.finding() != null) checkPlace(r.finding(), r.level(), r.side(), at, t, p);
        if (r.label() != null && r.label().isBlank()) p.add(new Problem(at + ".label", "is blank; leave it out or name what the ROI outlines"));
        if (COMPARTMENTS.equals(r.finding())) {
            // a compartment ROI is only useful for overlap when it says which compartment it outlines
            List<String> allowed = t.finding(COMPARTMENTS).map(FindingType::values).orElse(List.of());
            if (r.label() == null) p.add(new Problem(at + ".label", "is missing: a " + COMPARTMENTS + " ROI names its compartment, one of " + allowed));
            else if (!allowed.contains(r.label())) p.add(new Problem(at + ".label", Quote.of(r.label()) + " is not one of " + allowed + " for " + COMPARTMENTS));
        }
    }

    /** The finding whose ROIs outline compartments, labelled with one of its values. */
    static final String COMPARTMENTS = "contrast_compartments";

    private static void checkMask(FindingsDocument.Mask m, String at, List<Problem> p) {
        if (m == null) {
            p.add(new Problem(at, "is missing for a mask3d ROI"));
            return;
        }
        if (m.dims() == null || m.dims().length != 3 || m.dims()[0] < 1 || m.dims()[1] < 1 || m.dims()[2] < 1) {
            p.add(new Problem(at + ".dims", "expected [columns, rows, slices], each at least 1"));
            return;
        }
        long total = (long) m.dims()[0] * m.dims()[1] * m.dims()[2];
        long sum = 0;
        if (m.runs() != null) for (int r : m.runs()) {
            if (r < 0) p.add(new Problem(at + ".runs", "a run length is negative"));
            sum += r;
        }
        if (sum != total) p.add(new Problem(at + ".runs", "run lengths add up to " + sum + ", the grid has " + total + " voxels"));
        for (String name : List.of("origin", "columnStep", "rowStep", "sliceStep")) {
            double[] v = switch (name) {
                case "origin" -> m.origin();
                case "columnStep" -> m.columnStep();
                case "rowStep" -> m.rowStep();
                default -> m.sliceStep();
            };
            if (v == null || v.length != 3) p.add(new Problem(at + "." + name, "expected [x, y, z] in patient mm"));
        }
    }
}
