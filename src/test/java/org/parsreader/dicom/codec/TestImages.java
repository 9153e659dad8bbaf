package org.parsreader.dicom.codec;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Test images: synthetic pixel data, uncompressed DICOM written with PixelMed, dcmcjpeg, frame extraction. */
final class TestImages {
    private TestImages() {}

    /**
     * CT-like slice in {@code bits} bits (unsigned): air outside an elliptic body, soft tissue with
     * gentle gradients, a "bone" ring, and Gaussian noise (the part that makes compression realistic).
     */
    static short[] ctLike(int w, int h, int bits, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int max = (1 << bits) - 1;
        double scale = max / 4095.0; // design in 12-bit "HU + 1024" units
        short[] px = new short[w * h];
        double cx = w / 2.0 + r.nextDouble(-3, 3), cy = h / 2.0 + r.nextDouble(-3, 3);
        double ax = w * 0.42, ay = h * 0.34;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - cx) / ax, dy = (y - cy) / ay;
                double rr = Math.sqrt(dx * dx + dy * dy);
                double v;
                if (rr > 1.0) v = 24; // air (-1000 HU)
                else if (rr > 0.93) v = 1024 - 100; // fat
                else if (Math.abs(rr - 0.5) < 0.04) v = 1024 + 900; // bone ring
                else v = 1024 + 40 + 30 * Math.sin(x * 0.05) * Math.cos(y * 0.03);
                v += gaussian(r) * (rr > 1.0 ? 4 : 14);
                long s = Math.round(v * scale);
                px[y * w + x] = (short) Math.max(0, Math.min(max, s));
            }
        }
        return px;
    }

    /** Uniform random samples in [0, 2^bits): worst case for the entropy coder (long codes, SSSS up to bits). */
    static short[] random(int w, int h, int bits, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        short[] px = new short[w * h];
        for (int i = 0; i < px.length; i++) px[i] = (short) r.nextInt(1 << bits);
        return px;
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(1e-12, 1.0), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Writes one or more frames of MONOCHROME2 unsigned pixel data as Explicit VR Little Endian
     * with PixelMed; Bits Allocated is 8 when {@code bitsStored <= 8}, else 16.
     */
    static void writeUncompressed(Path file, int w, int h, int bitsStored, short[]... frames) throws Exception {
        int bitsAllocated = bitsStored <= 8 ? 8 : 16;
        AttributeList list = new AttributeList();
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SOPClass.SecondaryCaptureImageStorage);
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), "1.2.826.0.1.3680043.2.1125.1." + System.nanoTime());
        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), "1.2.826.0.1.3680043.2.1125.2");
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), "1.2.826.0.1.3680043.2.1125.3");
        put(list, new CodeStringAttribute(TagFromName.Modality), "OT");
        put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
        putUS(list, TagFromName.SamplesPerPixel, 1);
        putUS(list, TagFromName.Rows, h);
        putUS(list, TagFromName.Columns, w);
        putUS(list, TagFromName.BitsAllocated, bitsAllocated);
        putUS(list, TagFromName.BitsStored, bitsStored);
        putUS(list, TagFromName.HighBit, bitsStored - 1);
        putUS(list, TagFromName.PixelRepresentation, 0);
        if (frames.length > 1) {
            Attribute nf = new com.pixelmed.dicom.IntegerStringAttribute(TagFromName.NumberOfFrames);
            nf.addValue(frames.length);
            list.put(nf);
        }
        short[] all = new short[w * h * frames.length];
        for (int i = 0; i < frames.length; i++) System.arraycopy(frames[i], 0, all, i * w * h, w * h);
        if (bitsAllocated == 8) {
            byte[] b = new byte[all.length + (all.length & 1)];
            for (int i = 0; i < all.length; i++) b[i] = (byte) all[i];
            OtherByteAttribute pd = new OtherByteAttribute(TagFromName.PixelData);
            pd.setValues(b);
            list.put(pd);
        } else {
            OtherWordAttribute pd = new OtherWordAttribute(TagFromName.PixelData);
            pd.setValues(all);
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

    /** Runs dcmtk's dcmcjpeg with the given options; fails with its output if it does not succeed. */
    static void dcmcjpeg(Path in, Path out, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("dcmcjpeg");
        cmd.addAll(List.of(options));
        cmd.add(in.toString());
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(out)) {
            throw new IOException("dcmcjpeg failed: " + cmd + "\n" + log);
        }
    }

    /**
     * Compressed bytes of each frame, read the way the loader should: PixelMed with
     * {@code setDecompressPixelData(false)} gives PixelData as
     * {@link OtherByteAttributeMultipleCompressedFrames}, whose {@code getFrames()} holds one
     * byte[] per frame (fragments of a frame already joined).
     */
    static byte[][] compressedFrames(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        list.read(file.toFile());
        Attribute pd = list.get(TagFromName.PixelData);
        if (!(pd instanceof OtherByteAttributeMultipleCompressedFrames c)) {
            throw new IllegalStateException("PixelData is " + (pd == null ? "missing" : pd.getClass().getName()));
        }
        return c.getFrames();
    }

    static String transferSyntax(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        list.read(file.toFile());
        return Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
    }
}
