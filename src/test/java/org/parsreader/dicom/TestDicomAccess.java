package org.parsreader.dicom;

import java.nio.file.Path;

/** Test data for tests outside this package. */
public final class TestDicomAccess {
    private TestDicomAccess() {}

    /**
     * One 512x512-style CT slice of a CT-like phantom (body ellipse, spine, seeded noise),
     * unsigned with intercept -1024, for benchmarks.
     */
    public static void writeBenchSlice(Path file, String seriesUid, int k, int size, java.util.SplittableRandom rnd) throws Exception {
        short[] px = new short[size * size];
        double c = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double ex = (x - c) / (0.42 * size);
                double ey = (y - c) / (0.30 * size);
                double r2 = ex * ex + ey * ey;
                double hu = r2 > 1 ? -1000 : (Math.hypot(x - c, y - c * 1.25) < size * 0.06 ? 400 : 40);
                px[y * size + x] = (short) Math.max(0, Math.min(4095, Math.round(hu + 1024 + (r2 > 1 ? 0 : rnd.nextGaussian() * 12))));
            }
        }
        com.pixelmed.dicom.AttributeList l = TestDicom.ctSlice(seriesUid, seriesUid + "." + (k + 1), k + 1,
                new double[] {-c * 0.7, -c * 0.7, -0.625 * k}, StackGeometryTest.AXIAL, size, size, 0.7, (short) 0, false, -1024);
        TestDicom.pixels(l, size, size, false, px);
        TestDicom.us(l, Tags.BitsStored, 12);
        TestDicom.write(l, file);
    }

    /** {@code n} axial CT slices 2.5 mm apart, 8x8, stored 1000 (-24 HU), series number 1. */
    public static void writeAxialCt(Path dir, int n) throws Exception {
        for (int k = 0; k < n; k++) {
            TestDicom.write(TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.5", "1.2.826.0.1.3680043.9.7133.5." + k, n - k,
                    new double[] {0, 0, 2.5 * k}, StackGeometryTest.AXIAL, 8, 8, 0.5, (short) 1000, false, -1024), dir.resolve("s" + k));
        }
    }

    /** {@code n} CT slices 8x8 without ImagePositionPatient and ImageOrientationPatient: no place in patient space. */
    public static void writeCtWithoutPosition(Path dir, int n) throws Exception {
        for (int k = 0; k < n; k++) {
            com.pixelmed.dicom.AttributeList l = TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.6", "1.2.826.0.1.3680043.9.7133.6." + k, k + 1,
                    new double[] {0, 0, 2.5 * k}, StackGeometryTest.AXIAL, 8, 8, 0.5, (short) 1000, false, -1024);
            l.remove(com.pixelmed.dicom.TagFromName.ImagePositionPatient);
            l.remove(com.pixelmed.dicom.TagFromName.ImageOrientationPatient);
            TestDicom.write(l, dir.resolve("s" + k));
        }
    }

    /**
     * Two CT series (SeriesNumber 1: 3 slices in CT/A, 2: 2 slices in CT/B) and a DICOMDIR over
     * them written by dcmtk's dcmmkdir (the test is skipped without it); returns the DICOMDIR.
     */
    public static Path writeDicomDirSet(Path root) throws Exception {
        return DicomDirTest.fileSet(root);
    }
}
