package org.parsreader.quant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.parsreader.volume.VoxelGeometry;

/**
 * A region as a 3D mask file in NRRD (gzip, unsigned 8-bit, 1 inside, 0 outside) on the grid of
 * the CT it was segmented on, with that CT's exact patient geometry: {@code space:
 * left-posterior-superior} (DICOM LPS, the same millimetres as the seed), the first voxel's
 * centre as {@code space origin}, and the column, row and slice step vectors as {@code space
 * directions} (so a tilted gantry's sheared grid is kept, nothing is resampled). 3D Slicer, ITK-SNAP
 * and MITK open it as a label map lying on the DICOM series; ImageJ/Fiji reads NRRD too.
 */
public final class MaskNrrd {
    private MaskNrrd() {}

    /** Writes the mask atomically (temporary file, then rename). */
    public static void write(RegionMask mask, VoxelGeometry g, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(mask, g, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void write(RegionMask mask, VoxelGeometry g, OutputStream out) throws IOException {
        double[] o = g.origin(), c = g.columnStep(), r = g.rowStep(), s = g.sliceStep();
        String header = "NRRD0004\n"
                + "# Pars Reader contrast region: 1 = contrast; the grid and geometry of the post-contrast CT\n"
                + "type: uint8\n"
                + "dimension: 3\n"
                + "space: left-posterior-superior\n"
                + String.format(Locale.ROOT, "sizes: %d %d %d%n", mask.width(), mask.height(), mask.depth())
                + "space directions: " + vec(c) + " " + vec(r) + " " + vec(s) + "\n"
                + "kinds: domain domain domain\n"
                + "encoding: gzip\n"
                + "space origin: " + vec(o) + "\n"
                + "\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        byte[] slice = new byte[mask.width() * mask.height()];
        for (int k = 0; k < mask.depth(); k++) {
            java.util.Arrays.fill(slice, (byte) 0);
            if (mask.touches(k)) {
                for (int j = 0, p = 0; j < mask.height(); j++) {
                    for (int i = 0; i < mask.width(); i++, p++) if (mask.contains(i, j, k)) slice[p] = 1;
                }
            }
            gz.write(slice);
        }
        gz.finish();
    }

    /** The bytes of the file, for tests. */
    static byte[] bytes(RegionMask mask, VoxelGeometry g) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        write(mask, g, b);
        return b.toByteArray();
    }

    private static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.6f,%.6f,%.6f)", v[0], v[1], v[2]);
    }
}
