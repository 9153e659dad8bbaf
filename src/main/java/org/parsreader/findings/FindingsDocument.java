package org.parsreader.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One reader's findings for one study, as stored in {@code <reader>.findings.json}. Immutable;
 * {@link FindingsEditor} makes changed copies (which is what makes undo simple).
 *
 * <p>The patient is identified by pseudonym only. {@code identity} is null unless the user
 * explicitly opted in; the pseudonym mapping lives in its own file ({@link PseudonymRegistry}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingsDocument(
        int schemaVersion,
        String pseudonym,
        List<String> studyInstanceUids,
        Reader reader,
        TemplateRef template,
        Instant created,
        Instant modified,
        List<FindingValue> values,
        List<Roi> rois,
        List<Measurement> measurements,
        Identity identity,
        List<LevelMark> levels,
        List<LevelComment> comments) {

    /** The schema this version of Pars Reader writes ({@code docs/schema/findings-1.schema.json}). */
    public static final int SCHEMA_VERSION = 1;

    public FindingsDocument {
        studyInstanceUids = studyInstanceUids == null ? List.of() : List.copyOf(studyInstanceUids);
        values = values == null ? List.of() : List.copyOf(values);
        rois = rois == null ? List.of() : List.copyOf(rois);
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
        levels = levels == null || levels.isEmpty() ? null : List.copyOf(levels); // absent, not [], so older files keep their bytes
        comments = comments == null || comments.isEmpty() ? null : List.copyOf(comments); // likewise
    }

    /** Without comments. */
    public FindingsDocument(int schemaVersion, String pseudonym, List<String> studyInstanceUids, Reader reader, TemplateRef template,
                            Instant created, Instant modified, List<FindingValue> values, List<Roi> rois, List<Measurement> measurements,
                            Identity identity, List<LevelMark> levels) {
        this(schemaVersion, pseudonym, studyInstanceUids, reader, template, created, modified, values, rois, measurements, identity, levels, null);
    }

    /** Without level marks. */
    public FindingsDocument(int schemaVersion, String pseudonym, List<String> studyInstanceUids, Reader reader, TemplateRef template,
                            Instant created, Instant modified, List<FindingValue> values, List<Roi> rois, List<Measurement> measurements,
                            Identity identity) {
        this(schemaVersion, pseudonym, studyInstanceUids, reader, template, created, modified, values, rois, measurements, identity, null, null);
    }

    /** The reader's free-text comments per level, never null. */
    public List<LevelComment> levelComments() {
        return comments == null ? List.of() : comments;
    }

    /** A reader's free-text comment on one level (at most {@value #MAX_COMMENT} characters). */
    public record LevelComment(String level, String text) {}

    /** The longest comment a reader may leave on one level. */
    public static final int MAX_COMMENT = 2000;

    /** The level marks, never null. */
    public List<LevelMark> levelMarks() {
        return levels == null ? List.of() : levels;
    }

    /**
     * Where the reader put a vertebral level: the centre of its vertebral body in patient mm,
     * in one frame of reference (a supine MRI and a prone CT each need their own marks).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LevelMark(String level, String frameOfReferenceUid, String seriesInstanceUid, double[] point) {}

    /** Who read: an id (initials or login, no names needed) and the role in the study. */
    public record Reader(String id, Role role) {}

    public record TemplateRef(String id, String version) {}

    /** Patient identity, only when the user asked for it. */
    public record Identity(String patientId, String patientName, String birthDate) {}

    /**
     * The value of one finding at one level (and side, when the finding is sided); {@code roi}
     * links the supporting ROI; {@code confidence} is the reader's confidence 1 (guess) to 5
     * (certain), only for findings whose template declares {@code "confidence": true}, else null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingValue(String finding, String level, Side side, Value value, String roi, Integer confidence) {
        public FindingValue(String finding, String level, Side side, Value value, String roi) {
            this(finding, level, side, value, roi, null);
        }

        /** The lowest and highest confidence. */
        public static final int MIN_CONFIDENCE = 1;
        public static final int MAX_CONFIDENCE = 5;
    }

    public enum RoiType {
        @JsonProperty("point") POINT, @JsonProperty("line") LINE, @JsonProperty("polygon") POLYGON, @JsonProperty("mask3d") MASK3D;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A region of interest in patient coordinates (DICOM LPS, mm), with the series and SOP
     * instances it was drawn on, so it reappears in place after reloading and on any series
     * of the same frame of reference.
     *
     * @param points point: 1, line: 2, polygon: 3 or more (in one image plane); none for a mask
     * @param mask   the voxels of a 3D region, for {@code mask3d}
     * @param label  what the ROI outlines, optional; for {@code contrast_compartments} one of the
     *               template's compartments (e.g. "caudal_facet"), so contrast overlap can be measured per compartment
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Roi(String id, RoiType type, String finding, String level, Side side, List<double[]> points,
                      String frameOfReferenceUid, String seriesInstanceUid, List<String> sopInstanceUids, Mask mask, String label) {}

    /**
     * A 3D mask on a voxel grid given in patient space (the grid of the series it was segmented
     * on): voxel (i, j, k) is at origin + i*columnStep + j*rowStep + k*sliceStep. {@code runs}
     * are run lengths over the grid in i, then j, then k order, alternating outside/inside and
     * starting outside.
     */
    public record Mask(int[] dims, double[] origin, double[] columnStep, double[] rowStep, double[] sliceStep, int[] runs) {}

    /** A measured number with where it came from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measurement(String finding, String level, Side side, double value, String unit, Provenance provenance) {}

    /**
     * @param method     what computed it, e.g. "line-length", "roi-mean", "contrast-region-growing"
     * @param software   "Pars Reader 0.1.0"
     * @param parameters the method's parameters as recorded text (threshold, seed ...)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provenance(String roi, String seriesInstanceUid, String method, String software, Instant time,
                             Map<String, String> parameters) {}
}
