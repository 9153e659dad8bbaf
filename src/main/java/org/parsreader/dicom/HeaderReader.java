package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one file's header, stopping before the pixel data, and checks what PixelMed does not:
 * a data set without meta header or transfer syntax (the syntax is inferred from the bytes
 * and the assumption reported), a Pixel Data value shorter than Rows x Columns x frames
 * needs, and a file that ends inside its pixel data (PixelMed returns a partial list for
 * these without throwing).
 */
public final class HeaderReader {
    /** First read of every file; most CT and MR headers end well inside it, so one read serves everything. */
    private static final int HEAD = 16384;

    private HeaderReader() {}

    /** Reads the header of {@code file}; throws {@link DicomReadException} with the reason. */
    public static InstanceHeader read(Path file) {
        try {
            return readChecked(file);
        } catch (IOException | DicomException | RuntimeException e) {
            if (e instanceof DicomReadException d) throw d;
            throw new DicomReadException(file, "unreadable DICOM header: " + describe(e), e);
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m.trim() + ")");
    }

    private static InstanceHeader readChecked(Path file) throws IOException, DicomException {
        long size;
        byte[] head;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
            ByteBuffer bb = ByteBuffer.allocate((int) Math.min(size, HEAD));
            while (bb.hasRemaining() && ch.read(bb) >= 0) { }
            if (bb.hasRemaining()) throw new DicomReadException(file, "file shrank while being read");
            head = bb.array();
        }
        List<String> warnings = new ArrayList<>();
        MetaSniffer.Meta meta = MetaSniffer.sniff(head);
        long streamStart = 0;
        String forcedTs = null;
        if (meta == null) {
            String ts = MetaSniffer.guessDataSetSyntax(head, 0);
            if (ts == null) {
                throw new DicomReadException(file, "not a DICOM file (no 'DICM' prefix at byte 128 and no data set at the start)");
            }
            forcedTs = ts;
            warnings.add("no File Meta Information; assuming " + TransferSyntaxes.name(ts) + " from the data");
        } else if (meta.transferSyntaxUid() == null || meta.transferSyntaxUid().isEmpty()) {
            String ts = MetaSniffer.guessDataSetSyntax(head, (int) Math.min(meta.dataSetOffset(), head.length));
            if (ts == null) {
                throw new DicomReadException(file, "File Meta Information has no Transfer Syntax UID (0002,0010) "
                        + "and the data set that follows is not recognisable");
            }
            forcedTs = ts;
            streamStart = meta.dataSetOffset();
            warnings.add("File Meta Information has no Transfer Syntax UID (0002,0010); assuming "
                    + TransferSyntaxes.name(ts) + " from the data");
        }

        AttributeList list = new AttributeList();
        long[] pixelTagOffset = {-1};
        AttributeTag[] pixelTag = {null};
        try (InputStream raw = new HeadThenFile(head, file)) {
            InputStream buffered = new BufferedInputStream(raw, 16384);
            DicomInputStream din;
            if (forcedTs == null) {
                din = new DicomInputStream(buffered);
            } else {
                buffered.skipNBytes(streamStart);
                din = new DicomInputStream(buffered, forcedTs, false);
            }
            list.read(din, (l, tag, offset) -> {
                if (tag.getGroup() == 0x7FE0 && (tag.equals(Tags.PixelData) || tag.equals(Tags.FloatPixelData)
                        || tag.getElement() == 0x0009)) {
                    pixelTag[0] = tag;
                    pixelTagOffset[0] = offset;
                    return true;
                }
                return false;
            });
        }
        String ts = forcedTs != null ? forcedTs : Attrs.str(list, Tags.TransferSyntaxUID);
        if (ts.isEmpty()) ts = TransferSyntaxes.IMPLICIT_LE;

        String sopInstance = Attrs.str(list, Tags.SOPInstanceUID);
        String sopClass = Attrs.str(list, Tags.SOPClassUID);
        if (sopClass.isEmpty() && meta != null && "1.2.840.10008.1.3.10".equals(meta.mediaStorageSopClassUid())) {
            sopClass = meta.mediaStorageSopClassUid();
        }
        if (sopClass.isEmpty() && sopInstance.isEmpty()) {
            throw new DicomReadException(file, "no SOP Class UID (0008,0016) or SOP Instance UID (0008,0018) could be read: "
                    + "header damaged" + (forcedTs != null ? " or transfer syntax guessed wrongly" : ""));
        }

        PixelFormat format = readPixelFormat(list);
        InstanceHeader.PixelDataLocation location = null;
        if (pixelTag[0] != null) {
            if (format == null) {
                throw new DicomReadException(file, "Pixel Data present but Rows (0028,0010) or Columns (0028,0011) missing");
            }
            if (!TransferSyntaxes.isDeflated(ts)) {
                location = locatePixelData(file, head, size, streamStart + pixelTagOffset[0] - 4, pixelTag[0], ts);
                checkLength(file, format, location, pixelTag[0]);
            }
        } else if (format != null) {
            throw new DicomReadException(file, "no Pixel Data (7FE0,0010) although Rows and Columns are present: "
                    + "the file is truncated or damaged");
        }

        if (format != null && location != null && location.encapsulated() && ts.startsWith("1.2.840.10008.1.2.4.9")) {
            format = checkJpeg2000Sign(file, format, location, warnings);
        }
        List<FrameGeometry> frames = format == null ? List.of() : FrameGeometries.read(list, format.frames());
        return new InstanceHeader(file, ts, sopClass, sopInstance,
                Attrs.integer(list, Tags.InstanceNumber, Integer.MIN_VALUE),
                Attrs.integer(list, Tags.AcquisitionNumber, Integer.MIN_VALUE),
                Attrs.str(list, Tags.AcquisitionTime),
                Attrs.list(list, Tags.ImageType),
                new InstanceHeader.PatientInfo(Attrs.str(list, Tags.PatientID), Attrs.str(list, Tags.PatientName),
                        Attrs.str(list, Tags.PatientBirthDate), Attrs.str(list, Tags.PatientSex), Attrs.str(list, Tags.PatientAge)),
                new InstanceHeader.StudyInfo(Attrs.str(list, Tags.StudyInstanceUID), Attrs.str(list, Tags.StudyDate),
                        Attrs.str(list, Tags.StudyTime), Attrs.str(list, Tags.StudyDescription), Attrs.str(list, Tags.AccessionNumber)),
                new InstanceHeader.SeriesInfo(Attrs.str(list, Tags.SeriesInstanceUID), Attrs.integer(list, Tags.SeriesNumber, 0),
                        Attrs.str(list, Tags.Modality), Attrs.str(list, Tags.SeriesDescription), Attrs.str(list, Tags.ProtocolName),
                        Attrs.str(list, Tags.FrameOfReferenceUID), Attrs.str(list, Tags.BodyPartExamined),
                        Attrs.str(list, Tags.PatientPosition)),
                AcquisitionReader.read(list),
                format, frames, location, window(list), List.copyOf(warnings));
    }

    /**
     * The JPEG 2000 codestream states its own signedness and precision. Where it contradicts
     * PixelRepresentation, the header wins and decoded values are sign-extended from
     * BitsStored, as pydicom does; the disagreement is reported.
     */
    private static PixelFormat checkJpeg2000Sign(Path file, PixelFormat f, InstanceHeader.PixelDataLocation loc, List<String> warnings) {
        try {
            List<byte[]> first = Encapsulated.fragments(file, loc.valueOffset(), 1);
            int ssiz = first.isEmpty() ? -1 : Encapsulated.j2kSsiz(first.get(0));
            if (ssiz < 0) return f;
            boolean signed = (ssiz & 0x80) != 0;
            int precision = (ssiz & 0x7F) + 1;
            if (signed != f.signed()) {
                warnings.add("PixelRepresentation says " + (f.signed() ? "signed" : "unsigned") + " but the JPEG 2000 codestream is "
                        + (signed ? "signed" : "unsigned") + " " + precision + "-bit; values are read as "
                        + (f.signed() ? "signed " + f.bitsStored() + "-bit (BitsStored)" : "unsigned") + ", as the header says");
            }
            return f;
        } catch (IOException | RuntimeException e) {
            return f;
        }
    }

    private static double[] window(AttributeList list) {
        double c = Attrs.dbl(list, Tags.WindowCenter, Double.NaN);
        double w = Attrs.dbl(list, Tags.WindowWidth, Double.NaN);
        return Double.isNaN(c) || Double.isNaN(w) || w <= 0 ? null : new double[] {c, w};
    }

    static PixelFormat readPixelFormat(AttributeList list) {
        int rows = Attrs.integer(list, Tags.Rows, 0);
        int cols = Attrs.integer(list, Tags.Columns, 0);
        if (rows <= 0 || cols <= 0) return null;
        int bitsAllocated = Attrs.integer(list, Tags.BitsAllocated, 16);
        return new PixelFormat(rows, cols, Attrs.integer(list, Tags.SamplesPerPixel, 1), bitsAllocated,
                Attrs.integer(list, Tags.BitsStored, bitsAllocated), Attrs.integer(list, Tags.PixelRepresentation, 0) == 1,
                Attrs.str(list, Tags.PhotometricInterpretation).toUpperCase(), Attrs.integer(list, Tags.PlanarConfiguration, 0),
                Math.max(1, Attrs.integer(list, Tags.NumberOfFrames, 1)));
    }

    /** Reads the element header at {@code elementStart} and checks it is the pixel data PixelMed announced. */
    private static InstanceHeader.PixelDataLocation locatePixelData(Path file, byte[] head, long size, long elementStart,
                                                                    AttributeTag tag, String ts) throws IOException {
        boolean bigEndian = TransferSyntaxes.EXPLICIT_BE.equals(ts);
        boolean explicit = !TransferSyntaxes.IMPLICIT_LE.equals(ts);
        if (elementStart < 0 || elementStart + 12 > size) {
            throw new DicomReadException(file, "truncated: the file ends inside the Pixel Data element header");
        }
        byte[] b = new byte[12];
        if (elementStart + 12 <= head.length) {
            System.arraycopy(head, (int) elementStart, b, 0, 12);
        } else {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(elementStart);
                raf.readFully(b);
            }
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int group = bb.getShort(0) & 0xFFFF;
        int element = bb.getShort(2) & 0xFFFF;
        if (group != tag.getGroup() || element != tag.getElement()) {
            throw new IllegalStateException(String.format(
                    "%s: expected Pixel Data at byte %d but found (%04X,%04X); the header reader's offset is wrong",
                    file, elementStart, group, element));
        }
        long length;
        long valueOffset;
        if (explicit) {
            String vr = new String(b, 4, 2, StandardCharsets.US_ASCII);
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("OF") || vr.equals("OD") || vr.equals("UN") || vr.equals("OL")) {
                length = bb.getInt(8) & 0xFFFFFFFFL;
                valueOffset = elementStart + 12;
            } else {
                length = bb.getShort(6) & 0xFFFF;
                valueOffset = elementStart + 8;
            }
        } else {
            length = bb.getInt(4) & 0xFFFFFFFFL;
            valueOffset = elementStart + 8;
        }
        if (length == 0xFFFFFFFFL) return new InstanceHeader.PixelDataLocation(valueOffset, -1, bigEndian);
        if (valueOffset + length > size) {
            throw new DicomReadException(file, String.format(
                    "truncated: Pixel Data declares %d bytes but the file ends %d bytes after its start",
                    length, size - valueOffset));
        }
        return new InstanceHeader.PixelDataLocation(valueOffset, length, bigEndian);
    }

    private static void checkLength(Path file, PixelFormat f, InstanceHeader.PixelDataLocation loc, AttributeTag tag) {
        if (loc == null || loc.encapsulated()) return;
        long bits = tag.equals(Tags.PixelData) ? f.bitsAllocated() : (tag.getElement() == 0x0009 ? 64 : 32);
        long needed = (long) f.rows() * f.columns() * f.samplesPerPixel() * f.frames() * bits;
        long neededBytes = tag.equals(Tags.PixelData) && f.bitsAllocated() >= 8 ? f.frameBytes() * f.frames() : (needed + 7) / 8;
        if (loc.length() < neededBytes) {
            throw new DicomReadException(file, String.format(
                    "Pixel Data holds %d bytes but Rows %d x Columns %d x Samples %d x %d bits x %d frames needs %d",
                    loc.length(), f.rows(), f.columns(), f.samplesPerPixel(), bits, f.frames(), neededBytes));
        }
    }
}
