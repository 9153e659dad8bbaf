package org.parsreader.reformat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.parsreader.volume.Nrrd;

/**
 * Reformatted planes as NRRD (float32, raw little endian; NaN outside the volume) in patient
 * geometry through {@link Nrrd}: {@code space origin} is pixel (0, 0)'s centre, the first two
 * {@code space directions} are the row and column direction times the pixel size, and for a
 * stack the third is the normal times the distance between planes. So pixel (i, j) of plane s
 * lies at {@code origin + i * d0 + j * d1 + s * d2}, the same point the plane sampled.
 */
public final class PlaneNrrd {
    private PlaneNrrd() {}

    /**
     * Writes one plane (a 2D NRRD) or a stack of planes (3D), atomically.
     *
     * @param first   the first plane; plane s is {@code first.shifted(s * stepMm)}
     * @param planes  the samples, one array per plane, row by row
     * @param unit    the values' unit ("HU"), "" when none
     * @param comment what the file holds (series, mode, slab), one or more lines
     */
    public static void write(Plane first, float[][] planes, double stepMm, String unit, String comment, Path file) throws IOException {
        Nrrd.writeAtomically(file, out -> write(first, planes, stepMm, unit, comment, out));
    }

    static void write(Plane first, float[][] planes, double stepMm, String unit, String comment, OutputStream out) throws IOException {
        for (float[] p : planes) {
            if (p.length != first.width() * first.height()) throw new IllegalArgumentException("a plane of " + p.length + " values for " + first);
        }
        double ps = first.pixelSize();
        double[] di = Vec.scale(first.rowDirection(), ps), dj = Vec.scale(first.columnDirection(), ps);
        boolean stack = planes.length > 1;
        int[] sizes = stack ? new int[] {first.width(), first.height(), planes.length} : new int[] {first.width(), first.height()};
        double[][] dirs = stack ? new double[][] {di, dj, Vec.scale(first.normal(), stepMm)} : new double[][] {di, dj};
        String units = "space units: \"mm\" \"mm\" \"mm\"";
        String values = "Pars Reader reformat, calibrated values" + (unit == null || unit.isEmpty() ? "" : " in " + unit) + ", NaN outside the volume";
        Nrrd.writeHeader(out, Nrrd.header(values + "\n" + comment, "float", sizes, dirs, first.origin(), "raw", "endian: little", units));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] p : planes) {
            for (float v : p) {
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v);
            }
        }
        out.write(buf.array(), 0, buf.position());
    }
}
