package org.parsreader.dicom.codec;

import com.pixelmed.codec.jpeg.Parse;
import com.pixelmed.imageio.JPEGLosslessImageReader;
import com.pixelmed.imageio.JPEGLosslessImageReaderSpi;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Micro benchmark, single-threaded and warm: 200 frames of CT-like 512x512 12-bit data
 * compressed with dcmcjpeg (SV1, transfer syntax .70), decoded by {@link JpegLosslessDecoder},
 * by PixelMed's codec used directly ({@code Parse.parse}) and by PixelMed's ImageIO reader.
 *
 * <pre>
 * mvn -q -o -Dbuild.dir=target-codec test-compile
 * java -cp target-codec/classes:target-codec/test-classes:/usr/share/java/pixelmed.jar:/usr/share/java/pixelmed_imageio.jar \
 *     org.parsreader.dicom.codec.JpegLosslessBench [frames] [dcmcjpeg options...]
 * </pre>
 */
public final class JpegLosslessBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] options = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[] {"+e1"};
        Path dir = Files.createTempDirectory("jpegll-bench");
        short[][] originals = new short[n][];
        for (int i = 0; i < n; i++) originals[i] = TestImages.ctLike(512, 512, 12, 1000 + i);
        Path in = dir.resolve("u.dcm"), out = dir.resolve("c.dcm");
        TestImages.writeUncompressed(in, 512, 512, 12, originals);
        TestImages.dcmcjpeg(in, out, options);
        byte[][] frames = TestImages.compressedFrames(out);
        long bytes = 0;
        for (byte[] f : frames) bytes += f.length;
        System.out.printf("%d frames 512x512 12-bit, dcmcjpeg %s (%s), %.1f KB/frame compressed (%.2f bits/sample)%n",
                n, String.join(" ", options), TestImages.transferSyntax(out), bytes / 1024.0 / n, bytes * 8.0 / n / 512 / 512);

        short[] dst = new short[512 * 512];
        JPEGLosslessImageReader reader = new JPEGLosslessImageReader(new JPEGLosslessImageReaderSpi());
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                JpegLosslessDecoder.decode(frames[i], 0, frames[i].length, dst);
                check(dst, originals[i], "ours", i);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Parse.DecompressedOutput o = new Parse.DecompressedOutput();
                Parse.parse(new ByteArrayInputStream(frames[i]), null, null, o);
                check(o.getDecompressedOutputPerComponent()[0].getShortArray(), originals[i], "PixelMed direct", i);
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try (MemoryCacheImageInputStream iis = new MemoryCacheImageInputStream(new ByteArrayInputStream(frames[i]))) {
                    reader.setInput(iis);
                    short[] s = ((DataBufferUShort) reader.read(0).getRaster().getDataBuffer()).getData();
                    check(s, originals[i], "PixelMed ImageIO", i);
                }
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: JpegLosslessDecoder %.2f ms/frame, PixelMed Parse.parse %.2f ms/frame, PixelMed ImageIO %.2f ms/frame%n",
                    round, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n, (t3 - t2) / 1e6 / n);
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    private static void check(short[] got, short[] expected, String who, int frame) {
        if (!Arrays.equals(got, expected)) throw new AssertionError(who + " decoded frame " + frame + " wrongly");
    }
}
