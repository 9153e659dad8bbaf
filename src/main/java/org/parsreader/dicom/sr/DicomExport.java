package org.parsreader.dicom.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.ReadingTemplate;

/**
 * The one entry point for writing a reader's findings as DICOM: the 3D mask ROIs as
 * Segmentations (one per CT series, one segment per ROI), then the TID 1500 SR that references
 * them. Each file is written whole to a temporary name and renamed, or not at all.
 */
public final class DicomExport {
    private DicomExport() {}

    /** What one export wrote. */
    public record Result(Path sr, List<Path> segs, Map<String, SrWriter.SegmentRef> segments) {}

    /** The SEGs of every mask ROI of {@code d}, one file per CT series ({@code <reader>.seg-<n>.dcm}). */
    public static Map<Path, SegWriter.Written> segs(FindingsDocument d, StudyIndex index, Composite.Context c, Path outDir, String prefix) {
        Map<String, List<Roi>> bySeries = new LinkedHashMap<>();
        for (Roi r : d.rois()) if (r.type() == FindingsDocument.RoiType.MASK3D) bySeries.computeIfAbsent(r.seriesInstanceUid(), k -> new ArrayList<>()).add(r);
        Map<Path, SegWriter.Written> out = new LinkedHashMap<>();
        Map<String, String> tracking = SrWriter.maskTrackingUids(d);
        int n = 1;
        for (Map.Entry<String, List<Roi>> e : bySeries.entrySet()) {
            ImageStack ct = index.stacks().stream().filter(s -> s.series().uid().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new SrException("mask ROI " + e.getValue().get(0).id() + " lies on series " + e.getKey() + ", which is not in the case folder " + index.root()));
            out.put(outDir.resolve(prefix + ".seg-" + n++ + ".dcm"), SegWriter.build(e.getValue(), ct, tracking, c));
        }
        return out;
    }

    /** Writes the SEGs and the SR of {@code d} into {@code outDir}; returns the files. */
    public static Result export(FindingsDocument d, ReadingTemplate t, StudyIndex index, Composite.Context c, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        String prefix = d.reader().id();
        Map<Path, SegWriter.Written> segs = segs(d, index, c, outDir, prefix);
        Map<String, SrWriter.SegmentRef> refs = new LinkedHashMap<>();
        for (SegWriter.Written w : segs.values()) {
            for (Map.Entry<String, Integer> e : w.segments().entrySet()) refs.put(e.getKey(), new SrWriter.SegmentRef(w.sopInstanceUid(), w.seriesInstanceUid(), e.getValue()));
        }
        SrWriter.Written sr = SrWriter.build(d, t, index, refs, c);
        for (Map.Entry<Path, SegWriter.Written> e : segs.entrySet()) write(e.getValue().list(), e.getKey());
        Path srFile = outDir.resolve(prefix + ".sr.dcm");
        write(sr.list(), srFile);
        return new Result(srFile, List.copyOf(segs.keySet()), refs);
    }

    /** Writes a dataset as a Part 10 file (explicit VR little endian), atomically. */
    public static void write(AttributeList l, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            FileMetaInformation.addFileMetaInformation(l, TransferSyntax.ExplicitVRLittleEndian, "PARSREADER");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                l.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (DicomException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
