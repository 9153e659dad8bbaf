package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
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
 * Reads one file's header, stopping before the pixel data: through {@link FastParser} for
 * the common case, through PixelMed for everything else. Checks what PixelMed does not:
 * a data set without meta header or transfer syntax (the syntax is inferred from the bytes
 * and the assumption reported), a Pixel Data value shorter than Rows x Columns x frames
 * needs, and a file that ends inside its pixel data (PixelMed returns a partial list for
 * these without throwing).
 */
public final class HeaderReader {
    static {
        PixelMedLogging.quiet(); // before this class first makes PixelMed log, whoever calls it first
    }

    /** First read of every file; most CT and MR headers end well inside it, so one read serves everything. */
    private static final int HEAD = 8192;
    /** Second try of the fast path for long headers (Siemens CSA, many private tags). */
    private static final int LONG_HEAD = 1 << 20;

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
        try (java.io.FileInputStream in = new java.io.FileInputStream(file.toFile())) {
            size = in.getChannel().size();
            head = in.readNBytes((int) Math.min(size, HEAD)); // straight into the array: no buffer to zero or copy
        }
        if (head.length < Math.min(size, HEAD)) throw new IOException("file shrank while being read");
        MetaSniffer.Meta meta = MetaSniffer.sniff(head);
        if (meta != null && fastPathApplies(meta)) {
            String ts = meta.transferSyntaxUid();
            boolean explicit = !TransferSyntaxes.IMPLICIT_LE.equals(ts);
            FastParser.Result r = FastParser.parse(head, (int) meta.dataSetOffset(), explicit, head.length == size);
            if (r == null && size > head.length) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    head = readHead(ch, (int) Math.min(size, LONG_HEAD));
                }
                r = FastParser.parse(head, (int) meta.dataSetOffset(), explicit, head.length == size);
            }
            if (r != null) {
                return build(file, size, head, r.header(), ts, meta, r.pixelTag(), r.pixelElementStart(), new ArrayList<>());
            }
        }
        return readWithPixelMed(file, size, head, meta);
    }

    /** Part 10 little-endian files with a transfer syntax; not DICOMDIRs (PixelMed reads those whole). */
    private static boolean fastPathApplies(MetaSniffer.Meta meta) {
        String ts = meta.transferSyntaxUid();
        return ts != null && !ts.isEmpty() && !TransferSyntaxes.EXPLICIT_BE.equals(ts) && !TransferSyntaxes.isDeflated(ts)
                && !DicomDirReader.MEDIA_STORAGE_DIRECTORY.equals(meta.mediaStorageSopClassUid());
    }

    private static byte[] readHead(FileChannel ch, int n) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(n);
        while (bb.hasRemaining() && ch.read(bb) >= 0) { }
        if (bb.hasRemaining()) throw new IOException("file shrank while being read");
        return bb.array();
    }

    /** Reads {@code file} through PixelMed only: the reference the fast path is tested against. */
    static InstanceHeader readWithPixelMed(Path file) throws IOException, DicomException {
        long size = Files.size(file);
        byte[] head;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            head = readHead(ch, (int) Math.min(size, HEAD));
        }
        return readWithPixelMed(file, size, head, MetaSniffer.sniff(head));
    }

    /** Every case the fast path does not take: no meta, no transfer syntax, big endian, deflate, enhanced, unusual. */
    private static InstanceHeader readWithPixelMed(Path file, long size, byte[] head, MetaSniffer.Meta meta)
            throws IOException, DicomException {
        List<String> warnings = new ArrayList<>();
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

        // before PixelMed allocates anything: every element length must fit in the file
        ElementBounds.check(file, meta == null ? 0 : 132, forcedTs != null ? forcedTs : meta.transferSyntaxUid());
        AttributeList list = new AttributeList();
        long[] pixelTagOffset = {-1};
        int[] pixelTag = {0};
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
                if (tag.getGroup() == 0x7FE0 && (tag.getElement() == 0x0010 || tag.getElement() == 0x0008 || tag.getElement() == 0x0009)) {
                    pixelTag[0] = tag.getGroup() << 16 | tag.getElement();
                    pixelTagOffset[0] = offset;
                    return true;
                }
                return false;
            });
        }
        Header h = new PixelMedHeader(list);
        String ts = forcedTs != null ? forcedTs : h.str(Tags.TransferSyntaxUID);
        if (ts.isEmpty()) ts = TransferSyntaxes.IMPLICIT_LE;
        long elementStart = pixelTagOffset[0] < 0 ? -1 : streamStart + pixelTagOffset[0] - 4;
        return build(file, size, head, h, ts, meta, pixelTag[0], elementStart, warnings);
    }

    /** The index's view of one file, from whichever parser read the header. */
    private static InstanceHeader build(Path file, long size, byte[] head, Header h, String ts, MetaSniffer.Meta meta,
                                        int pixelTag, long pixelElementStart, List<String> warnings) throws IOException {
        String sopInstance = h.str(Tags.SOPInstanceUID);
        String sopClass = h.str(Tags.SOPClassUID);
        if (sopClass.isEmpty() && meta != null && DicomDirReader.MEDIA_STORAGE_DIRECTORY.equals(meta.mediaStorageSopClassUid())) {
            sopClass = meta.mediaStorageSopClassUid();
        }
        if (sopClass.isEmpty() && sopInstance.isEmpty()) {
            throw new DicomReadException(file, "no SOP Class UID (0008,0016) or SOP Instance UID (0008,0018) could be read: "
                    + "header damaged" + (warnings.isEmpty() ? "" : " or transfer syntax guessed wrongly"));
        }

        PixelFormat format = readPixelFormat(h);
        InstanceHeader.PixelDataLocation location = null;
        if (pixelElementStart >= 0) {
            if (format == null) {
                throw new DicomReadException(file, "Pixel Data present but Rows (0028,0010) or Columns (0028,0011) missing");
            }
            if (!TransferSyntaxes.isDeflated(ts)) {
                location = locatePixelData(file, head, size, pixelElementStart, pixelTag, ts);
                checkLength(file, format, location, pixelTag);
            }
        } else if (format != null) {
            throw new DicomReadException(file, "no Pixel Data (7FE0,0010) although Rows and Columns are present: "
                    + "the file is truncated or damaged");
        } else if (ImageClasses.isImage(sopClass)) {
            throw new DicomReadException(file, "truncated or damaged: a " + ImageClasses.name(sopClass)
                    + " object with no Pixel Data (7FE0,0010) and no Rows/Columns");
        }

        if (format != null && location != null && location.encapsulated() && ts.startsWith("1.2.840.10008.1.2.4.9")) {
            format = checkJpeg2000Sign(file, format, location, warnings);
        }
        List<FrameGeometry> frames = format == null ? List.of() : FrameGeometries.read(h, format.frames());
        return new InstanceHeader(file, ts, sopClass, sopInstance,
                h.integer(Tags.InstanceNumber, Integer.MIN_VALUE),
                h.integer(Tags.AcquisitionNumber, Integer.MIN_VALUE),
                h.str(Tags.AcquisitionTime),
                h.list(Tags.ImageType),
                new InstanceHeader.PatientInfo(h.str(Tags.PatientID), h.str(Tags.PatientName),
                        h.str(Tags.PatientBirthDate), h.str(Tags.PatientSex), h.str(Tags.PatientAge)),
                new InstanceHeader.StudyInfo(h.str(Tags.StudyInstanceUID), h.str(Tags.StudyDate),
                        h.str(Tags.StudyTime), h.str(Tags.StudyDescription), h.str(Tags.AccessionNumber)),
                new InstanceHeader.SeriesInfo(h.str(Tags.SeriesInstanceUID), h.integer(Tags.SeriesNumber, 0),
                        h.str(Tags.Modality), h.str(Tags.SeriesDescription), h.str(Tags.ProtocolName),
                        h.str(Tags.FrameOfReferenceUID), h.str(Tags.BodyPartExamined), h.str(Tags.PatientPosition)),
                AcquisitionReader.read(h),
                format, frames, location, window(h), List.copyOf(warnings), lossyCompression(h, ts));
    }

    /**
     * Why the pixels may be lossy, or "": JPEG-LS near-lossless (the transfer syntax allows NEAR
     * above 0, so the values may differ from the acquired ones however the frames were coded) or
     * LossyImageCompression "01" under any transfer syntax (lossy compression earlier in the
     * image's life survives decompression).
     */
    static String lossyCompression(Header h, String ts) {
        if (TransferSyntaxes.JPEG_LS_NEAR.equals(ts)) return TransferSyntaxes.name(ts) + " (transfer syntax " + ts + ")";
        if (!"01".equals(h.str(Tags.LossyImageCompression).trim())) return "";
        // the method, not the ratio: ratios differ file by file, and the stack reports files grouped by reason
        String method = String.join("\\", h.list(Tags.LossyImageCompressionMethod));
        return "LossyImageCompression (0028,2110) 01" + (method.isEmpty() ? "" : " (method " + method + ")");
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

    private static double[] window(Header h) {
        double c = h.dbl(Tags.WindowCenter, Double.NaN);
        double w = h.dbl(Tags.WindowWidth, Double.NaN);
        return Double.isNaN(c) || Double.isNaN(w) || w <= 0 ? null : new double[] {c, w};
    }

    static PixelFormat readPixelFormat(Header h) {
        int rows = h.integer(Tags.Rows, 0);
        int cols = h.integer(Tags.Columns, 0);
        if (rows <= 0 || cols <= 0) return null;
        int bitsAllocated = h.integer(Tags.BitsAllocated, 16);
        return new PixelFormat(rows, cols, h.integer(Tags.SamplesPerPixel, 1), bitsAllocated,
                h.integer(Tags.BitsStored, bitsAllocated), h.integer(Tags.PixelRepresentation, 0) == 1,
                h.str(Tags.PhotometricInterpretation).toUpperCase(), h.integer(Tags.PlanarConfiguration, 0),
                Math.max(1, h.integer(Tags.NumberOfFrames, 1)));
    }

    /** Reads the element header at {@code elementStart} and checks it is the pixel data PixelMed announced. */
    private static InstanceHeader.PixelDataLocation locatePixelData(Path file, byte[] head, long size, long elementStart,
                                                                    int tag, String ts) throws IOException {
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
        if (group != tag >>> 16 || element != (tag & 0xFFFF)) {
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

    private static void checkLength(Path file, PixelFormat f, InstanceHeader.PixelDataLocation loc, int tag) {
        if (loc == null || loc.encapsulated()) return;
        long bits = tag == Tags.PixelData ? f.bitsAllocated() : ((tag & 0xFFFF) == 0x0009 ? 64 : 32);
        long needed = (long) f.rows() * f.columns() * f.samplesPerPixel() * f.frames() * bits;
        long neededBytes = tag == Tags.PixelData && f.bitsAllocated() >= 8 ? f.frameBytes() * f.frames() : (needed + 7) / 8;
        if (loc.length() < neededBytes) {
            throw new DicomReadException(file, String.format(
                    "Pixel Data holds %d bytes but Rows %d x Columns %d x Samples %d x %d bits x %d frames needs %d",
                    loc.length(), f.rows(), f.columns(), f.samplesPerPixel(), bits, f.frames(), neededBytes));
        }
    }
}
