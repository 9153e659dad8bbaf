package org.parsreader.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes the committed fuzzing seed corpus, {@code src/test/resources/fuzz/<target>/}
 * (README "Fuzzing"): small synthetic images from {@link TestDicom}, compressed by dcmtk
 * (dcmcrle, dcmcjpeg, dcmcjpls, dcmconv), and the frames cut out of them. Not a test; run by hand when a
 * seed should change:
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.parsreader.dicom.FuzzSeeds src/test/resources/fuzz
 * </pre>
 * The findings seeds are copies of {@code src/test/resources/findings/findings-v1.json} and a
 * sample-cohort file.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/fuzz");
        Path tmp = Files.createTempDirectory("fuzz-seeds");
        Path header = Files.createDirectories(out.resolve("header"));
        Path rle = Files.createDirectories(out.resolve("rle"));
        Path jpeg = Files.createDirectories(out.resolve("jpeg-lossless"));
        Path jpegLs = Files.createDirectories(out.resolve("jpeg-ls"));
        Path findings = Files.createDirectories(out.resolve("findings"));

        // --- headers: the fast path's cases, then what only PixelMed reads
        Path ct = header.resolve("ct-explicit-le.dcm");
        write(ct(8, 8, 1), ct, TransferSyntaxes.EXPLICIT_LE);
        write(ct(8, 8, 1), header.resolve("ct-implicit-le.dcm"), TransferSyntaxes.IMPLICIT_LE);
        write(ct(4, 4, 2), header.resolve("ct-2-frames.dcm"), TransferSyntaxes.EXPLICIT_LE);
        write(ct(4, 4, 1), header.resolve("ct-explicit-be.dcm"), TransferSyntaxes.EXPLICIT_BE);
        AttributeList bare = ct(4, 4, 1);
        try (OutputStream o = new FileOutputStream(header.resolve("ct-no-meta.dcm").toFile())) {
            bare.write(o, TransferSyntaxes.IMPLICIT_LE, false, true);
        }
        run("dcmcrle", ct.toString(), header.resolve("ct-rle.dcm").toString());
        run("dcmcjpeg", "+e1", ct.toString(), header.resolve("ct-jpeg-lossless.dcm").toString());
        run("dcmconv", "+td", ct.toString(), header.resolve("ct-deflated.dcm").toString());

        // --- RLE frames behind the target's 8-byte prefix (rows, columns, samples, bits allocated)
        rleSeed(ct(8, 8, 1), 8, 8, 1, 16, tmp, rle.resolve("mono16-8x8.bin"));
        rleSeed(rgb(4, 4), 4, 4, 3, 8, tmp, rle.resolve("rgb8-4x4.bin"));
        rleSeed(mono8(8, 8), 8, 8, 1, 8, tmp, rle.resolve("mono8-8x8.bin"));

        // --- JPEG lossless (SOF3) frames as they sit in Pixel Data
        jpegSeed(ct, tmp, jpeg.resolve("mono16-sv1.jpg"), "dcmcjpeg", "+e1");
        jpegSeed(ct, tmp, jpeg.resolve("mono16-sv7-pt1.jpg"), "dcmcjpeg", "+el", "+sv", "7", "+pt", "1");
        jpegSeed(ct, tmp, jpeg.resolve("mono16-sv4.jpg"), "dcmcjpeg", "+el", "+sv", "4");
        Path rgbFile = tmp.resolve("rgb.dcm");
        write(rgb(4, 4), rgbFile, TransferSyntaxes.EXPLICIT_LE);
        jpegSeed(rgbFile, tmp, jpeg.resolve("rgb8-sv1.jpg"), "dcmcjpeg", "+e1");

        // --- JPEG-LS frames, for the target to add once JpegLsDecoder is merged (README "Fuzzing")
        jpegSeed(ct, tmp, jpegLs.resolve("mono16-lossless.jls"), "dcmcjpls", "+el");
        Path mono8File = tmp.resolve("mono8.dcm");
        write(mono8(8, 8), mono8File, TransferSyntaxes.EXPLICIT_LE);
        jpegSeed(mono8File, tmp, jpegLs.resolve("mono8-near2.jls"), "dcmcjpls", "+en", "+md", "2");
        jpegSeed(rgbFile, tmp, jpegLs.resolve("rgb8-lossless.jls"), "dcmcjpls", "+el");

        // --- findings documents
        Files.copy(Path.of("src/test/resources/findings/findings-v1.json"), findings.resolve("findings-v1.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("sample-data/cohort/P001/findings/R2.findings.json"), findings.resolve("cohort-P001-R2.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("seeds written to " + out);
    }

    /** A CT image with a sequence, a window and Latin-1 text: what the fast path decodes. */
    static AttributeList ct(int rows, int cols, int frames) throws Exception {
        AttributeList l = TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.1.2", "1.2.826.0.1.3680043.9.7133.1.3", 1,
                new double[] {-100, -120, 30}, new double[] {1, 0, 0, 0, 1, 0}, rows, cols, 0.7, (short) 0, true, -1024);
        short[] px = new short[rows * cols * frames];
        for (int i = 0; i < px.length; i++) px[i] = (short) (i % 5 == 0 ? 1200 : 40 + (i % 3));
        TestDicom.pixels(l, rows, cols, true, px);
        TestDicom.us(l, Tags.BitsStored, 12);
        if (frames > 1) TestDicom.is(l, Tags.NumberOfFrames, frames);
        TestDicom.cs(l, 0x00080005, "ISO_IR 100");
        TestDicom.cs(l, Tags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
        TestDicom.lo(l, Tags.PatientName, "Müller^Anna");
        TestDicom.ds(l, Tags.WindowCenter, 400);
        TestDicom.ds(l, Tags.WindowWidth, 1800);
        AttributeList item = new AttributeList();
        TestDicom.ui(item, 0x00081150, TestDicom.CT_IMAGE);
        TestDicom.ui(item, 0x00081155, "1.2.826.0.1.3680043.9.7133.1.4");
        l.put(TestDicom.sequence(0x00081140, item));
        return l;
    }

    static AttributeList rgb(int rows, int cols) throws Exception {
        AttributeList l = TestDicom.base("1.2.840.10008.5.1.4.1.1.7", "OT", "1.2.826.0.1.3680043.9.7133.1.5",
                "1.2.826.0.1.3680043.9.7133.1.6", 1);
        TestDicom.us(l, Tags.Rows, rows);
        TestDicom.us(l, Tags.Columns, cols);
        TestDicom.us(l, Tags.SamplesPerPixel, 3);
        TestDicom.cs(l, Tags.PhotometricInterpretation, "RGB");
        TestDicom.us(l, Tags.PlanarConfiguration, 0);
        pixels8(l, rows * cols * 3);
        return l;
    }

    static AttributeList mono8(int rows, int cols) throws Exception {
        AttributeList l = TestDicom.base("1.2.840.10008.5.1.4.1.1.7", "OT", "1.2.826.0.1.3680043.9.7133.1.7",
                "1.2.826.0.1.3680043.9.7133.1.8", 1);
        TestDicom.us(l, Tags.Rows, rows);
        TestDicom.us(l, Tags.Columns, cols);
        TestDicom.us(l, Tags.SamplesPerPixel, 1);
        TestDicom.cs(l, Tags.PhotometricInterpretation, "MONOCHROME2");
        pixels8(l, rows * cols);
        return l;
    }

    private static void pixels8(AttributeList l, int n) throws Exception {
        TestDicom.us(l, 0x00280100, 8);
        TestDicom.us(l, Tags.BitsStored, 8);
        TestDicom.us(l, 0x00280102, 7);
        TestDicom.us(l, 0x00280103, 0);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i < n / 2 ? 7 : i * 37); // a run, then literals
        Attribute pd = new OtherByteAttribute(TagFromName.PixelData);
        pd.setValues(b);
        l.put(pd);
    }

    static void write(AttributeList l, Path file, String ts) throws Exception {
        FileMetaInformation.addFileMetaInformation(l, ts, "PARSTEST");
        l.write(file.toFile(), ts, true, true);
    }

    private static void rleSeed(AttributeList l, int rows, int cols, int samples, int bits, Path tmp, Path seed) throws Exception {
        Path in = tmp.resolve("rle-in.dcm"), out = tmp.resolve("rle-out.dcm");
        write(l, in, TransferSyntaxes.EXPLICIT_LE);
        Files.deleteIfExists(out);
        run("dcmcrle", in.toString(), out.toString());
        byte[] frame = firstFrame(out);
        ByteBuffer b = ByteBuffer.allocate(8 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) rows).putShort((short) cols).putShort((short) samples).putShort((short) bits).put(frame);
        Files.write(seed, b.array());
    }

    /** {@code tool} (dcmcjpeg, dcmcjpls) compresses {@code in}; the seed is its first frame. */
    private static void jpegSeed(Path in, Path tmp, Path seed, String tool, String... options) throws Exception {
        Path out = tmp.resolve("jpeg-out.dcm");
        Files.deleteIfExists(out);
        List<String> cmd = new ArrayList<>(List.of(tool));
        cmd.addAll(List.of(options));
        cmd.add(in.toString());
        cmd.add(out.toString());
        run(cmd.toArray(String[]::new));
        Files.write(seed, firstFrame(out));
    }

    private static byte[] firstFrame(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        list.read(file.toFile());
        Attribute pd = list.get(TagFromName.PixelData);
        if (!(pd instanceof OtherByteAttributeMultipleCompressedFrames c)) throw new IllegalStateException(file + ": not encapsulated");
        return c.getFrames()[0];
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed:\n" + log);
    }
}
