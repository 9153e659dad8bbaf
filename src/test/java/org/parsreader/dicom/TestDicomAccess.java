package org.parsreader.dicom;

import java.nio.file.Path;

/** Test data for tests outside this package. */
public final class TestDicomAccess {
    private TestDicomAccess() {}

    /** {@code n} axial CT slices 2.5 mm apart, 8x8, stored 1000 (-24 HU), series number 1. */
    public static void writeAxialCt(Path dir, int n) throws Exception {
        for (int k = 0; k < n; k++) {
            TestDicom.write(TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.5", "1.2.826.0.1.3680043.9.7133.5." + k, n - k,
                    new double[] {0, 0, 2.5 * k}, StackGeometryTest.AXIAL, 8, 8, 0.5, (short) 1000, false, -1024), dir.resolve("s" + k));
        }
    }
}
