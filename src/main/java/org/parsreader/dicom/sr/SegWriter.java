package org.parsreader.dicom.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnsignedLongAttribute;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StackFrame;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsDocument.RoiType;

/**
 * 3D mask ROIs of one CT series as one binary DICOM Segmentation (PS3.3 A.51): one segment per
 * ROI, one frame per (segment, CT slice holding voxels of it), each frame with the CT slice's own
 * ImagePositionPatient and a reference to that slice, so a tilted gantry's sheared grid and the
 * slice spacing are kept exactly (nothing is resampled).
 */
public final class SegWriter {
    public static final String SEG_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.66.4";
    static final AttributeTag SEGMENT_IDENTIFICATION = new AttributeTag(0x0062, 0x000A);
    static final AttributeTag SEGMENT_SEQUENCE = new AttributeTag(0x0062, 0x0002);
    static final AttributeTag SEGMENT_NUMBER = new AttributeTag(0x0062, 0x0004);
    static final AttributeTag SEGMENT_LABEL = new AttributeTag(0x0062, 0x0005);
    static final AttributeTag SEGMENT_DESCRIPTION = new AttributeTag(0x0062, 0x0006);
    static final AttributeTag SEGMENT_ALGORITHM_TYPE = new AttributeTag(0x0062, 0x0008);
    static final AttributeTag SEGMENT_ALGORITHM_NAME = new AttributeTag(0x0062, 0x0009);
    static final AttributeTag CATEGORY = new AttributeTag(0x0062, 0x0003);
    static final AttributeTag TYPE = new AttributeTag(0x0062, 0x000F);
    static final AttributeTag SEGMENTATION_TYPE = new AttributeTag(0x0062, 0x0001);
    static final AttributeTag TRACKING_ID = new AttributeTag(0x0062, 0x0020);
    static final AttributeTag TRACKING_UID = new AttributeTag(0x0062, 0x0021);

    private SegWriter() {}

    /** What was written: the SEG's UIDs and the segment number of each ROI id. */
    public record Written(String sopInstanceUid, String seriesInstanceUid, Map<String, Integer> segments, AttributeList list) {}

    /**
     * The Segmentation of {@code masks} (mask3d ROIs drawn on {@code ct}). {@code trackingUids}
     * gives each ROI id the tracking UID its SR measurement group carries (may be empty).
     */
    public static Written build(List<Roi> masks, ImageStack ct, Map<String, String> trackingUids, Composite.Context c) {
        if (masks.isEmpty()) throw new SrException("no 3D mask ROI to write as a segmentation");
        String ctSeries = ct.series().uid();
        List<StackFrame> frames = ct.frames();
        if (frames.isEmpty()) throw new SrException("series " + ctSeries + " has no frames");
        double[] iop = frames.get(0).geometry().orientation();
        double[] spacing = frames.get(0).geometry().pixelSpacing();
        AttributeList l = new AttributeList();
        String sop = Attrs.newUid();
        String series = Attrs.newUid();
        Composite.equipmentAndSop(l, SEG_SOP_CLASS, sop, c);
        Composite.patientAndStudy(l, ct.first(), c);
        Attrs.cs(l, TagFromName.Modality, "SEG");
        Attrs.uid(l, TagFromName.SeriesInstanceUID, series);
        Attrs.is(l, TagFromName.SeriesNumber, 9001);
        Attrs.lo(l, TagFromName.SeriesDescription, "Pars Reader segmentation");
        Attrs.is(l, TagFromName.InstanceNumber, 1);
        String frameOfReference = ct.series().frameOfReferenceUid();
        if (frameOfReference == null || frameOfReference.isBlank()) {
            throw new SrException("series " + ctSeries + " has no FrameOfReferenceUID: a segmentation must lie in the CT's frame of reference");
        }
        Attrs.uid(l, TagFromName.FrameOfReferenceUID, frameOfReference);
        l.put(new com.pixelmed.dicom.LongStringAttribute(TagFromName.PositionReferenceIndicator));
        Attrs.cs(l, TagFromName.ImageType, "DERIVED", "PRIMARY");
        Attrs.us(l, TagFromName.SamplesPerPixel, 1);
        Attrs.cs(l, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        Attrs.us(l, TagFromName.Rows, ct.rows());
        Attrs.us(l, TagFromName.Columns, ct.columns());
        Attrs.us(l, TagFromName.BitsAllocated, 1);
        Attrs.us(l, TagFromName.BitsStored, 1);
        Attrs.us(l, TagFromName.HighBit, 0);
        Attrs.us(l, TagFromName.PixelRepresentation, 0);
        Attrs.cs(l, TagFromName.LossyImageCompression, "00");
        Attrs.cs(l, SEGMENTATION_TYPE, "BINARY");
        Attrs.cs(l, TagFromName.ContentLabel, "CONTRAST");
        Attrs.lo(l, TagFromName.ContentDescription, "Pars Reader 3D regions");
        l.put(new com.pixelmed.dicom.PersonNameAttribute(TagFromName.ContentCreatorName));

        // which CT frame lies at each slice k of a mask's grid: the frame whose position is origin + k * sliceStep
        SequenceAttribute segments = Attrs.seq(l, SEGMENT_SEQUENCE);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        record Frame(int segment, StackFrame source, BitSet voxels) {}
        List<Frame> out = new ArrayList<>();
        for (Roi roi : masks) {
            if (roi.type() != RoiType.MASK3D || roi.mask() == null) throw new SrException("ROI " + roi.id() + " is a " + roi.type().label() + ", not a 3D mask");
            if (!ctSeries.equals(roi.seriesInstanceUid())) throw new SrException("ROI " + roi.id() + " lies on series " + roi.seriesInstanceUid() + ", not " + ctSeries);
            var m = roi.mask();
            if (m.dims()[0] != ct.columns() || m.dims()[1] != ct.rows()) {
                throw new SrException("ROI " + roi.id() + ": mask grid " + m.dims()[0] + "x" + m.dims()[1] + " differs from series " + ctSeries + " (" + ct.columns() + "x" + ct.rows() + ")");
            }
            int number = numbers.size() + 1;
            numbers.put(roi.id(), number);
            segments.addItem(segment(roi, number, trackingUids.get(roi.id()), c));
            TreeMap<Integer, BitSet> slices = MaskSlices.of(roi.id(), m);
            for (Map.Entry<Integer, BitSet> e : slices.entrySet()) out.add(new Frame(number, frameAt(roi, e.getKey(), frames), e.getValue()));
        }
        Attrs.is(l, TagFromName.NumberOfFrames, out.size());

        SequenceAttribute shared = Attrs.seq(l, TagFromName.SharedFunctionalGroupsSequence);
        AttributeList sharedItem = new AttributeList();
        AttributeList orientation = new AttributeList();
        Attrs.ds(orientation, TagFromName.ImageOrientationPatient, iop);
        Attrs.seq(sharedItem, TagFromName.PlaneOrientationSequence).addItem(orientation);
        AttributeList measures = new AttributeList();
        Attrs.ds(measures, TagFromName.PixelSpacing, spacing[0], spacing[1]);
        double thickness = frames.get(0).geometry().sliceThickness();
        Attrs.ds(measures, TagFromName.SliceThickness, Double.isFinite(thickness) && thickness > 0 ? thickness : ct.sliceSpacing());
        if (ct.regularSpacing() && ct.sliceSpacing() > 0) Attrs.ds(measures, TagFromName.SpacingBetweenSlices, ct.sliceSpacing());
        Attrs.seq(sharedItem, TagFromName.PixelMeasuresSequence).addItem(measures);
        shared.addItem(sharedItem);

        // dimensions: segment, then position
        String dimensionUid = Attrs.newUid();
        AttributeList org = new AttributeList();
        Attrs.uid(org, TagFromName.DimensionOrganizationUID, dimensionUid);
        Attrs.seq(l, TagFromName.DimensionOrganizationSequence).addItem(org);
        SequenceAttribute dims = Attrs.seq(l, TagFromName.DimensionIndexSequence);
        dims.addItem(dimension(dimensionUid, Items.REFERENCED_SEGMENT_NUMBER, SEGMENT_IDENTIFICATION, "ReferencedSegmentNumber"));
        dims.addItem(dimension(dimensionUid, TagFromName.ImagePositionPatient, TagFromName.PlanePositionSequence, "ImagePositionPatient"));

        SequenceAttribute perFrame = Attrs.seq(l, TagFromName.PerFrameFunctionalGroupsSequence);
        int rows = ct.rows(), cols = ct.columns(), plane = rows * cols;
        byte[] pixels = new byte[(int) (((long) plane * out.size() + 7) / 8 + 1) & ~1];
        Map<String, String> referenced = new LinkedHashMap<>(); // instance -> class, for the Common Instance Reference
        for (int f = 0; f < out.size(); f++) {
            Frame fr = out.get(f);
            StackFrame src = fr.source();
            AttributeList item = new AttributeList();
            AttributeList derivation = new AttributeList();
            derivation.put(Codes.SEGMENTATION.sequence(TagFromName.DerivationCodeSequence));
            AttributeList source = new AttributeList();
            Attrs.uid(source, TagFromName.ReferencedSOPClassUID, src.instance().sopClassUid());
            Attrs.uid(source, TagFromName.ReferencedSOPInstanceUID, src.instance().sopInstanceUid());
            if (src.instance().frames().size() > 1) Attrs.is(source, TagFromName.ReferencedFrameNumber, src.frameIndex() + 1);
            source.put(Codes.SOURCE_IMAGE_FOR_PROCESSING.sequence(TagFromName.PurposeOfReferenceCodeSequence));
            Attrs.seq(derivation, TagFromName.SourceImageSequence).addItem(source);
            Attrs.seq(item, TagFromName.DerivationImageSequence).addItem(derivation);
            referenced.put(src.instance().sopInstanceUid(), src.instance().sopClassUid());
            AttributeList content = new AttributeList();
            try {
                UnsignedLongAttribute div = new UnsignedLongAttribute(TagFromName.DimensionIndexValues);
                div.addValue(fr.segment());
                div.addValue(frames.indexOf(src) + 1);
                content.put(div);
            } catch (DicomException e) {
                throw new SrException(e.getMessage(), e);
            }
            Attrs.seq(item, TagFromName.FrameContentSequence).addItem(content);
            AttributeList position = new AttributeList();
            Attrs.ds(position, TagFromName.ImagePositionPatient, src.geometry().position());
            Attrs.seq(item, TagFromName.PlanePositionSequence).addItem(position);
            AttributeList segId = new AttributeList();
            Attrs.us(segId, Items.REFERENCED_SEGMENT_NUMBER, fr.segment());
            Attrs.seq(item, SEGMENT_IDENTIFICATION).addItem(segId);
            perFrame.addItem(item);
            // pack: pixel p of frame f is bit (f*plane + p), least significant bit first (PS3.5 8.1.1)
            BitSet v = fr.voxels();
            long base = (long) f * plane;
            for (int p = v.nextSetBit(0); p >= 0; p = v.nextSetBit(p + 1)) {
                long bit = base + p;
                pixels[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
            }
        }
        AttributeList refSeries = new AttributeList();
        Attrs.uid(refSeries, TagFromName.SeriesInstanceUID, ctSeries);
        SequenceAttribute refInstances = Attrs.seq(refSeries, TagFromName.ReferencedInstanceSequence);
        for (Map.Entry<String, String> e : referenced.entrySet()) {
            AttributeList r = new AttributeList();
            Attrs.uid(r, TagFromName.ReferencedSOPClassUID, e.getValue());
            Attrs.uid(r, TagFromName.ReferencedSOPInstanceUID, e.getKey());
            refInstances.addItem(r);
        }
        Attrs.seq(l, TagFromName.ReferencedSeriesSequence).addItem(refSeries);
        try {
            OtherByteAttribute px = new OtherByteAttribute(TagFromName.PixelData);
            px.setValues(pixels);
            l.put(px);
        } catch (DicomException e) {
            throw new SrException(e.getMessage(), e);
        }
        return new Written(sop, series, numbers, l);
    }

    /** The CT frame at slice k of the ROI's grid; throws when the grid does not lie on the series (a mask of another grid). */
    static StackFrame frameAt(Roi roi, int k, List<StackFrame> frames) {
        var m = roi.mask();
        double[] want = {m.origin()[0] + k * m.sliceStep()[0], m.origin()[1] + k * m.sliceStep()[1], m.origin()[2] + k * m.sliceStep()[2]};
        double tol = 0.01 * Math.max(1e-3, Math.sqrt(m.sliceStep()[0] * m.sliceStep()[0] + m.sliceStep()[1] * m.sliceStep()[1] + m.sliceStep()[2] * m.sliceStep()[2]));
        for (StackFrame f : frames) {
            double[] p = f.geometry().position();
            if (p == null) continue;
            double dx = p[0] - want[0], dy = p[1] - want[1], dz = p[2] - want[2];
            if (Math.sqrt(dx * dx + dy * dy + dz * dz) <= Math.max(tol, 1e-3)) return f;
        }
        throw new SrException(String.format(java.util.Locale.ROOT, "ROI %s: slice %d of its mask (at %.3f, %.3f, %.3f mm) lies on no image of series %s",
                roi.id(), k, want[0], want[1], want[2], roi.seriesInstanceUid()));
    }

    private static AttributeList segment(Roi roi, int number, String trackingUid, Composite.Context c) {
        AttributeList s = new AttributeList();
        Attrs.us(s, SEGMENT_NUMBER, number);
        String where = roi.level() + (roi.side() == null ? "" : " " + roi.side().label());
        boolean contrast = "contrast_volume_ml".equals(roi.finding());
        Attrs.lo(s, SEGMENT_LABEL, (contrast ? "contrast " : (roi.finding() == null ? "region " : roi.finding() + " ")) + where);
        if (roi.label() != null) Attrs.put(s, new com.pixelmed.dicom.ShortTextAttribute(SEGMENT_DESCRIPTION), roi.label());
        Attrs.cs(s, SEGMENT_ALGORITHM_TYPE, "SEMIAUTOMATIC");
        Attrs.lo(s, SEGMENT_ALGORITHM_NAME, c.software());
        Code category = contrast ? Codes.SUBSTANCE : new Code("region", Codes.SCHEME, "Region");
        Code type = contrast ? Codes.CONTRAST_AGENT : new Code(roi.finding() == null ? "region" : roi.finding(), Codes.SCHEME, roi.finding() == null ? "Region" : roi.finding());
        s.put(category.sequence(CATEGORY));
        s.put(type.sequence(TYPE));
        Attrs.ut(s, TRACKING_ID, tracking(roi));
        Attrs.uid(s, TRACKING_UID, trackingUid != null ? trackingUid : Attrs.nameUid(c.pseudonym() + "|" + roi.id() + "|" + tracking(roi)));
        return s;
    }

    /** "contrast_volume_ml L5 left": the finding, level and side, which a SEG import reads back. */
    static String tracking(Roi roi) {
        return (roi.finding() == null ? "region" : roi.finding()) + " " + roi.level() + (roi.side() == null ? "" : " " + roi.side().label());
    }

    private static AttributeList dimension(String orgUid, AttributeTag pointer, AttributeTag group, String label) {
        AttributeList d = new AttributeList();
        Attrs.uid(d, TagFromName.DimensionOrganizationUID, orgUid);
        try {
            com.pixelmed.dicom.AttributeTagAttribute p = new com.pixelmed.dicom.AttributeTagAttribute(TagFromName.DimensionIndexPointer);
            p.addValue(pointer.getGroup(), pointer.getElement());
            d.put(p);
            com.pixelmed.dicom.AttributeTagAttribute g = new com.pixelmed.dicom.AttributeTagAttribute(TagFromName.FunctionalGroupPointer);
            g.addValue(group.getGroup(), group.getElement());
            d.put(g);
        } catch (DicomException e) {
            throw new SrException(e.getMessage(), e);
        }
        Attrs.lo(d, TagFromName.DimensionDescriptionLabel, label);
        return d;
    }
}
