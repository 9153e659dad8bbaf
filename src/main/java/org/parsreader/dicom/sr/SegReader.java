package org.parsreader.dicom.sr;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StackFrame;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.volume.VoxelGeometry;

/**
 * A binary DICOM Segmentation back as 3D mask ROIs on the CT it was drawn on: the CT is found by
 * the referenced series (or the frames' source images) in the case's index, each frame is placed
 * on that CT's grid by its ImagePositionPatient, and a frame off the grid (another orientation,
 * spacing, or a resampled segmentation) is refused, never rounded onto it.
 */
public final class SegReader {
    private SegReader() {}

    /** One segment: its number, tracking id (ours: "finding level side"), label, and the mask ROI (no id yet). */
    public record Segment(int number, String trackingId, String trackingUid, String label, Roi roi) {}

    public record Seg(Path file, String sopInstanceUid, List<Segment> segments) {}

    public static AttributeList readList(Path file) throws IOException {
        AttributeList l = new AttributeList();
        try {
            l.read(file.toFile());
        } catch (DicomException | RuntimeException e) {
            throw new SrException(file + " is not a readable DICOM file: " + e.getMessage(), e);
        }
        return l;
    }

    public static Seg read(Path file, StudyIndex index) throws IOException {
        return read(file, readList(file), index);
    }

    static Seg read(Path file, AttributeList l, StudyIndex index) {
        if (!SegWriter.SEG_SOP_CLASS.equals(Attrs.string(l, TagFromName.SOPClassUID))) {
            throw new SrException(file + " is not a DICOM Segmentation (SOP class " + Attrs.string(l, TagFromName.SOPClassUID) + ")");
        }
        if (!"BINARY".equals(Attrs.string(l, SegWriter.SEGMENTATION_TYPE))) {
            throw new SrException(file + ": segmentation type " + Attrs.string(l, SegWriter.SEGMENTATION_TYPE) + "; only BINARY segmentations are read");
        }
        ImageStack ct = referencedStack(file, l, index);
        VoxelGeometry g = VolumeLoader.geometryOf(ct);
        List<StackFrame> slots = VolumeLoader.withPlaceholders(ct);
        int rows = intOf(l, TagFromName.Rows), cols = intOf(l, TagFromName.Columns);
        if (rows != ct.rows() || cols != ct.columns()) {
            throw new SrException(file + ": frames of " + cols + "x" + rows + " pixels, series " + ct.series().uid() + " has " + ct.columns() + "x" + ct.rows());
        }
        String frame = Attrs.string(l, TagFromName.FrameOfReferenceUID);
        if (frame != null && ct.series().frameOfReferenceUid() != null && !ct.series().frameOfReferenceUid().isBlank() && !frame.equals(ct.series().frameOfReferenceUid())) {
            throw new SrException(file + " is in frame of reference " + frame + ", series " + ct.series().uid() + " in " + ct.series().frameOfReferenceUid());
        }
        AttributeList shared = Attrs.first(l, TagFromName.SharedFunctionalGroupsSequence);
        List<AttributeList> perFrame = Attrs.items(l, TagFromName.PerFrameFunctionalGroupsSequence);
        int n = perFrame.size();
        byte[] px = pixels(file, l, (long) rows * cols * n);
        double[] colDir = unit(g.columnStep()), rowDir = unit(g.rowStep());
        double[] normal = g.normal();
        double along = dot(g.sliceStep(), normal);
        TreeMap<Integer, TreeMap<Integer, BitSet>> bySegment = new TreeMap<>();
        for (int f = 0; f < n; f++) {
            AttributeList fg = perFrame.get(f);
            double[] iop = Attrs.doubles(Attrs.first(groupOf(fg, shared, TagFromName.PlaneOrientationSequence), TagFromName.PlaneOrientationSequence),
                    TagFromName.ImageOrientationPatient);
            if (iop == null || iop.length != 6 || Math.abs(dot(new double[] {iop[0], iop[1], iop[2]}, colDir) - 1) > 1e-4
                    || Math.abs(dot(new double[] {iop[3], iop[4], iop[5]}, rowDir) - 1) > 1e-4) {
                throw new SrException(file + ": frame " + (f + 1) + " is not in the orientation of series " + ct.series().uid() + "; a resampled segmentation is not read");
            }
            double[] pos = Attrs.doubles(Attrs.first(fg, TagFromName.PlanePositionSequence), TagFromName.ImagePositionPatient);
            if (pos == null || pos.length != 3) throw new SrException(file + ": frame " + (f + 1) + " has no ImagePositionPatient");
            double[] d = {pos[0] - g.origin()[0], pos[1] - g.origin()[1], pos[2] - g.origin()[2]};
            int k = (int) Math.round(dot(d, normal) / along);
            double[] at = g.toPatient(0, 0, k);
            double off = Math.sqrt(sq(pos[0] - at[0]) + sq(pos[1] - at[1]) + sq(pos[2] - at[2]));
            if (k < 0 || k >= slots.size() || off > 0.05) {
                throw new SrException(String.format(java.util.Locale.ROOT, "%s: frame %d at (%.3f, %.3f, %.3f) mm lies on no slice of series %s (%.3f mm off)",
                        file, f + 1, pos[0], pos[1], pos[2], ct.series().uid(), off));
            }
            int segment = intOf(Attrs.first(fg, SegWriter.SEGMENT_IDENTIFICATION), Items.REFERENCED_SEGMENT_NUMBER);
            BitSet s = bySegment.computeIfAbsent(segment, x -> new TreeMap<>()).computeIfAbsent(k, x -> new BitSet(rows * cols));
            long base = (long) f * rows * cols;
            for (int p = 0; p < rows * cols; p++) {
                long bit = base + p;
                if ((px[(int) (bit >>> 3)] >> (bit & 7) & 1) != 0) s.set(p);
            }
        }
        List<Segment> out = new ArrayList<>();
        for (AttributeList s : Attrs.items(l, SegWriter.SEGMENT_SEQUENCE)) {
            int number = intOf(s, SegWriter.SEGMENT_NUMBER);
            String tracking = Attrs.string(s, SegWriter.TRACKING_ID);
            String label = Attrs.string(s, SegWriter.SEGMENT_LABEL);
            TreeMap<Integer, BitSet> slices = bySegment.getOrDefault(number, new TreeMap<>());
            FindingsDocument.Mask mask = new FindingsDocument.Mask(new int[] {cols, rows, slots.size()}, g.origin().clone(), g.columnStep().clone(),
                    g.rowStep().clone(), g.sliceStep().clone(), MaskSlices.runs(slices, cols, rows, slots.size()));
            String[] place = tracking == null ? new String[0] : tracking.trim().split("\\s+");
            org.parsreader.findings.Side side = null;
            if (place.length == 3) {
                try {
                    side = org.parsreader.findings.Side.parse(place[2]);
                } catch (IllegalArgumentException e) {
                    side = null;
                }
            }
            Roi roi = new Roi(null, FindingsDocument.RoiType.MASK3D, place.length >= 2 ? place[0] : null, place.length >= 2 ? place[1] : null, side, null,
                    ct.series().frameOfReferenceUid(), ct.series().uid(), List.of(), mask, Attrs.string(s, SegWriter.SEGMENT_DESCRIPTION));
            out.add(new Segment(number, tracking, Attrs.string(s, SegWriter.TRACKING_UID), label, roi));
        }
        return new Seg(file, Attrs.string(l, TagFromName.SOPInstanceUID), out);
    }

    /** The CT the SEG was drawn on: by Referenced Series Sequence, else by the first frame's source image. */
    static ImageStack referencedStack(Path file, AttributeList l, StudyIndex index) {
        List<String> wanted = new ArrayList<>();
        for (AttributeList s : Attrs.items(l, TagFromName.ReferencedSeriesSequence)) wanted.add(Attrs.string(s, TagFromName.SeriesInstanceUID));
        for (ImageStack s : index.stacks()) if (wanted.contains(s.series().uid())) return s;
        AttributeList fg = Attrs.first(l, TagFromName.PerFrameFunctionalGroupsSequence);
        AttributeList src = Attrs.first(Attrs.first(fg, TagFromName.DerivationImageSequence), TagFromName.SourceImageSequence);
        String inst = Attrs.string(src, TagFromName.ReferencedSOPInstanceUID);
        for (ImageStack s : index.stacks()) for (StackFrame f : s.frames()) if (f.instance().sopInstanceUid().equals(inst)) return s;
        throw new SrException(file + " is a segmentation of series " + (wanted.isEmpty() ? "(not named)" : String.join(", ", wanted))
                + ", which is not in the case folder " + index.root() + "; retrieve that CT series first");
    }

    private static AttributeList groupOf(AttributeList perFrame, AttributeList shared, com.pixelmed.dicom.AttributeTag t) {
        return perFrame != null && perFrame.get(t) != null ? perFrame : shared;
    }

    private static byte[] pixels(Path file, AttributeList l, long bits) {
        Attribute a = l.get(TagFromName.PixelData);
        if (a == null) throw new SrException(file + " has no Pixel Data");
        try {
            byte[] b = a.getByteValues();
            if ((long) b.length * 8 < bits) throw new SrException(file + ": Pixel Data holds " + b.length + " bytes, " + ((bits + 7) / 8) + " needed for its frames");
            return b;
        } catch (DicomException e) {
            throw new SrException(file + ": Pixel Data cannot be read: " + e.getMessage(), e);
        }
    }

    private static int intOf(AttributeList l, com.pixelmed.dicom.AttributeTag t) {
        String s = Attrs.string(l, t);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw new SrException("attribute " + t + " is missing or not a number: " + s);
        }
    }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static double sq(double x) { return x * x; }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(dot(v, v));
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
