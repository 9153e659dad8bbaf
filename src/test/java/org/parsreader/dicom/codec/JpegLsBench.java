package org.parsreader.dicom.codec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Micro benchmark, single-threaded and warm: {@code n} frames of CT-like 512x512 data (12 bits
 * stored in 16) compressed by dcmcjpls (default: lossless; pass e.g. {@code +en +md 2}), decoded
 * by {@link JpegLsDecoder}, each frame checked against the original (lossless) or dcmdjpls.
 *
 * <pre>
 * mvn -q -o -Dbuild.dir=target-codec test-compile
 * java -cp target-codec/classes:target-codec/test-classes:/usr/share/java/pixelmed.jar \
 *     org.parsreader.dicom.codec.JpegLsBench [frames] [dcmcjpls options...]
 * </pre>
 */
public final class JpegLsBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] options = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
        Path dir = Files.createTempDirectory("jpegls-bench");
        try {
            short[][] originals = new short[n][];
            for (int i = 0; i < n; i++) originals[i] = TestImages.ctLike(512, 512, 12, 1000 + i);
            Path in = dir.resolve("u.dcm"), out = dir.resolve("c.dcm"), ref = dir.resolve("r.dcm");
            TestImages.writeUncompressed(in, 512, 512, 12, originals);
            JpegLsTestFiles.run("dcmcjpls", in, out, options);
            byte[][] frames = TestImages.compressedFrames(out);
            short[][] expected = originals;
            JpegLsDecoder.Header h = JpegLsDecoder.readHeader(frames[0], 0, frames[0].length);
            if (h.lossy()) {
                JpegLsTestFiles.run("dcmdjpls", out, ref);
                short[] all = pixelsOf(ref);
                expected = new short[n][];
                for (int i = 0; i < n; i++) expected[i] = Arrays.copyOfRange(all, i * 512 * 512, (i + 1) * 512 * 512);
            }
            long bytes = 0;
            for (byte[] f : frames) bytes += f.length;
            System.out.printf("%d frames 512x512, 12 bits stored, dcmcjpls %s: %s, %.1f KB/frame (%.2f bits/sample)%n",
                    n, String.join(" ", options), h, bytes / 1024.0 / n, bytes * 8.0 / n / 512 / 512);
            short[] dst = new short[512 * 512];
            for (int round = 1; round <= 5; round++) {
                long c0 = CPU.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) JpegLsDecoder.decode(frames[i], 0, frames[i].length, dst);
                long t1 = System.nanoTime();
                long c1 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    JpegLsDecoder.decode(frames[i], 0, frames[i].length, dst);
                    if (!Arrays.equals(dst, expected[i])) throw new AssertionError("frame " + i + " decoded wrongly");
                }
                System.out.printf("round %d: JpegLsDecoder %.2f ms/frame wall, %.2f ms/frame CPU (%.0f ms wall for %d)%n",
                        round, (t1 - t0) / 1e6 / n, (c1 - c0) / 1e6 / n, (t1 - t0) / 1e6, n);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(dir);
        }
    }

    /** The compressed frame of each file (one frame per file), for timing the decoder alone. */
    public static byte[][] framesOf(java.util.List<Path> files) throws Exception {
        byte[][] out = new byte[files.size()][];
        for (int i = 0; i < out.length; i++) out[i] = TestImages.compressedFrames(files.get(i))[0];
        return out;
    }

    /** Decodes every frame once into one reused array (single thread); returns the sum of the samples. */
    public static Object decodeAll(byte[][] frames) {
        long sum = 0;
        short[] dst = null;
        for (byte[] f : frames) {
            JpegLsDecoder.Header h = JpegLsDecoder.readHeader(f, 0, f.length);
            int n = h.width() * h.height() * h.components();
            if (dst == null || dst.length != n) dst = new short[n];
            JpegLsDecoder.decode(f, 0, f.length, dst);
            sum += dst[n / 2];
        }
        return sum;
    }

    private static short[] pixelsOf(Path file) throws Exception {
        com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
        list.read(file.toFile());
        return list.get(com.pixelmed.dicom.TagFromName.PixelData).getShortValues();
    }
}
