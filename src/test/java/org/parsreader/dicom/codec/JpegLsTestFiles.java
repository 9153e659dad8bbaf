package org.parsreader.dicom.codec;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * JPEG-LS test material made at test time with dcmtk: uncompressed DICOM written with PixelMed,
 * compressed by {@code dcmcjpls} (CharLS inside dcmtk), decompressed by {@code dcmdjpls} as the
 * reference. Nothing is committed but this code.
 */
final class JpegLsTestFiles {
    private JpegLsTestFiles() {}

    static void assumeDcmtk() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmcjpls")) && Files.isExecutable(Path.of("/usr/bin/dcmdjpls")),
                "dcmtk is not installed (scripts/setup.sh installs it)");
    }

    /**
     * Uncompressed Explicit VR Little Endian image: {@code spp} samples per pixel interleaved
     * (Planar Configuration 0), Bits Allocated 8 when {@code bitsStored <= 8}, else 16;
     * {@code samples} hold the stored bit patterns (two's complement in bitsStored bits when signed).
     */
    static void writeUncompressed(Path file, int w, int h, int bitsStored, boolean signed, int spp, short[] samples) throws Exception {
        int bitsAllocated = bitsStored <= 8 ? 8 : 16;
        AttributeList list = new AttributeList();
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SOPClass.SecondaryCaptureImageStorage);
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), "1.2.826.0.1.3680043.2.1125.7." + System.nanoTime());
        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), "1.2.826.0.1.3680043.2.1125.8");
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), "1.2.826.0.1.3680043.2.1125.9");
        put(list, new CodeStringAttribute(TagFromName.Modality), "OT");
        put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), spp == 3 ? "RGB" : "MONOCHROME2");
        putUS(list, TagFromName.SamplesPerPixel, spp);
        if (spp > 1) putUS(list, TagFromName.PlanarConfiguration, 0);
        putUS(list, TagFromName.Rows, h);
        putUS(list, TagFromName.Columns, w);
        putUS(list, TagFromName.BitsAllocated, bitsAllocated);
        putUS(list, TagFromName.BitsStored, bitsStored);
        putUS(list, TagFromName.HighBit, bitsStored - 1);
        putUS(list, TagFromName.PixelRepresentation, signed ? 1 : 0);
        if (bitsAllocated == 8) {
            byte[] b = new byte[samples.length + (samples.length & 1)];
            for (int i = 0; i < samples.length; i++) b[i] = (byte) samples[i];
            OtherByteAttribute pd = new OtherByteAttribute(TagFromName.PixelData);
            pd.setValues(b);
            list.put(pd);
        } else {
            OtherWordAttribute pd = new OtherWordAttribute(TagFromName.PixelData);
            pd.setValues(samples.clone());
            list.put(pd);
        }
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "PARSTEST");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }

    private static void put(AttributeList list, Attribute a, String value) throws Exception {
        a.addValue(value);
        list.put(a);
    }

    private static void putUS(AttributeList list, AttributeTag tag, int value) throws Exception {
        Attribute a = new UnsignedShortAttribute(tag);
        a.addValue(value);
        list.put(a);
    }

    /** Runs a dcmtk tool; fails with its output if it does not succeed. */
    static void run(String tool, Path in, Path out, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(List.of(options));
        cmd.add(in.toString());
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(out)) {
            throw new IOException(tool + " failed: " + cmd + "\n" + log);
        }
    }

    /**
     * Stored samples of an uncompressed file as unsigned values (8-bit: 0..255; 16-bit: the
     * 16-bit pattern), pixel-interleaved.
     */
    static short[] uncompressedSamples(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 0);
        int n = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0)
                * Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0)
                * Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        Attribute pd = list.get(TagFromName.PixelData);
        short[] out = new short[n];
        if (bitsAllocated == 8 && pd instanceof OtherByteAttribute) {
            byte[] b = pd.getByteValues();
            for (int i = 0; i < n; i++) out[i] = (short) (b[i] & 0xFF);
        } else if (bitsAllocated == 8) { // dcmdjpls writes 8-bit pixels as OW: bytes in little-endian words
            short[] w = pd.getShortValues();
            for (int i = 0; i < n; i++) out[i] = (short) ((w[i >> 1] >> ((i & 1) * 8)) & 0xFF);
        } else {
            System.arraycopy(pd.getShortValues(), 0, out, 0, n);
        }
        return out;
    }

    /**
     * Builds a JPEG-LS stream with restart markers out of separately compressed strips: a
     * restart interval resets the contexts, the run index and the line above to zero, so an
     * interval of R lines is coded exactly as an image of R lines on its own. Each strip of
     * {@code strips} (all with the same parameters, the last may be shorter) is a complete
     * JPEG-LS image; the result keeps the first strip's headers with the full height, adds a
     * DRI of {@code linesPerInterval} and joins the strips' entropy-coded segments with RSTm.
     * Works for single-scan images (one component, or line/sample interleaved).
     */
    static byte[] joinWithRestarts(List<byte[]> strips, int totalHeight, int linesPerInterval) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] first = strips.get(0);
        int sos = findMarker(first, 0xDA);
        int sof = findMarker(first, 0xF7);
        byte[] head = java.util.Arrays.copyOf(first, sos);
        head[sof + 5] = (byte) (totalHeight >> 8); // SOF55: FF F7 Lh Ll P Y(2) X(2)
        head[sof + 6] = (byte) totalHeight;
        out.writeBytes(head);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (linesPerInterval >> 8), (byte) linesPerInterval});
        for (int i = 0; i < strips.size(); i++) {
            byte[] s = strips.get(i);
            int sosAt = findMarker(s, 0xDA);
            int dataStart = sosAt + 2 + (((s[sosAt + 2] & 0xFF) << 8) | (s[sosAt + 3] & 0xFF));
            int dataEnd = endOfEntropyData(s, dataStart);
            if (i == 0) out.write(s, sosAt, dataStart - sosAt); // the SOS segment once
            else out.writeBytes(new byte[] {(byte) 0xFF, (byte) (0xD0 + ((i - 1) & 7))});
            out.write(s, dataStart, dataEnd - dataStart);
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** Index of the first 0xFF xx marker with code {@code code} outside entropy-coded data (headers only). */
    static int findMarker(byte[] jls, int code) {
        int p = 2;
        while (p + 4 <= jls.length) {
            if ((jls[p] & 0xFF) != 0xFF) throw new IllegalStateException("no marker at " + p);
            int m = jls[p + 1] & 0xFF;
            if (m == code) return p;
            p += 2 + (((jls[p + 2] & 0xFF) << 8) | (jls[p + 3] & 0xFF));
        }
        throw new IllegalStateException(String.format("marker 0xFF%02X not found", code));
    }

    /** End of the entropy-coded segment starting at {@code p}: the first 0xFF followed by a byte with its top bit set. */
    static int endOfEntropyData(byte[] jls, int p) {
        while (p + 1 < jls.length && !((jls[p] & 0xFF) == 0xFF && (jls[p + 1] & 0x80) != 0)) p++;
        return p;
    }
}
