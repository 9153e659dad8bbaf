package org.parsreader.quant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.parsreader.volume.Nrrd;
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
        Nrrd.writeAtomically(file, out -> write(mask, g, out));
    }

    static void write(RegionMask mask, VoxelGeometry g, OutputStream out) throws IOException {
        Nrrd.writeHeader(out, Nrrd.header("Pars Reader contrast region: 1 = contrast; the grid and geometry of the post-contrast CT",
                "uint8", new int[] {mask.width(), mask.height(), mask.depth()},
                new double[][] {g.columnStep(), g.rowStep(), g.sliceStep()}, g.origin(), "gzip"));
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
}
