package org.parsreader.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.parsreader.dicom.sr.DicomExport;
import org.parsreader.dicom.sr.SrFixtures;

/**
 * SR + SEG export speed (issue 13, goal under 0.2 s warm): the sample case's R1 findings with
 * its contrast region, both objects built and written to disk, after warm-up; median of 21.
 * {@code java -cp target/test-classes:target/classes:... org.parsreader.bench.DicomExportBenchmark [OUTDIR]}
 */
public final class DicomExportBenchmark {
    private DicomExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        SrFixtures.load();
        Path out = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("sr-bench");
        int runs = 21;
        double[] ms = new double[runs];
        for (int w = 0; w < 10; w++) DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), out);
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), out);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "SR + SEG export of the sample case (R1, %d ROIs): median %.1f ms, min %.1f ms, max %.1f ms (files in %s)%n",
                SrFixtures.r1.rois().size(), ms[runs / 2], ms[0], ms[runs - 1], out);
    }
}
