package org.parsreader.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parsreader.sample.CaseLayout.SeriesPlan;
import org.parsreader.sample.CtSeriesWriter.Technique;
import org.parsreader.sample.MrSeriesWriter.Sequence;
import org.parsreader.sample.MrSeriesWriter.Weighting;

/**
 * Writes the synthetic sample case 001 (one anonymous phantom patient, an MR study with
 * sagittal T1/T2/STIR and a CT-guided left L5 pars injection study with planning, tilted
 * needle-check and post-contrast series) plus its {@code ground-truth.json}. Output bytes are
 * identical on every run: fixed seeds, name-based UIDs, fixed dates, no wall clock.
 */
public final class SampleCaseGenerator {
    private SampleCaseGenerator() {}

    public static final String GROUND_TRUTH_FILE = "ground-truth.json";

    static final Sequence T1 = new Sequence(Weighting.T1, "SE", new String[] {"SK"}, "*tse2d1_3", 550, 12, 0, 3, 150);
    static final Sequence T2 = new Sequence(Weighting.T2, "SE", new String[] {"SK"}, "*tse2d1_16", 3500, 100, 0, 16, 150);
    static final Sequence STIR = new Sequence(Weighting.STIR, "IR", new String[] {"SK", "SP"}, "*tir2d1_13", 4000, 60, 150, 13, 150);
    static final Technique PLANNING = new Technique(120, 100, 500, 3.4, "BONE");
    static final Technique LOW_DOSE = new Technique(120, 40, 500, 1.4, "BONE");

    /** Generates the case into {@code outDir} (created if needed) and returns its ground truth. */
    public static GroundTruth generate(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        SpinePhantom phantom = new SpinePhantom();
        List<GroundTruth.Series> series = new ArrayList<>();

        float[][][] signals = MrSeriesWriter.signals(phantom, CaseLayout.mrSlices(), CaseLayout.MR_THICKNESS);
        series.add(write(new MrSeriesWriter(CaseLayout.T1, T1, signals, 12, 11), outDir, 0, 12, 0));
        series.add(write(new MrSeriesWriter(CaseLayout.T2, T2, signals, 12, 12), outDir, 0, 12, 0));
        series.add(write(new MrSeriesWriter(CaseLayout.STIR, STIR, signals, 12, 13), outDir, 0, 12, 0));

        SeriesPlan planning = CaseLayout.planning(), needle = CaseLayout.needleCheck(), post = CaseLayout.postContrast();
        series.add(write(new CtSeriesWriter(planning, phantom, false, false, false, 16, 21, PLANNING), outDir, 0, 12, -1024));
        series.add(write(new CtSeriesWriter(needle, phantom, true, false, true, 20, 22, LOW_DOSE), outDir, 1, 16, 0));
        series.add(write(new CtSeriesWriter(post, phantom, true, true, false, 20, 23, LOW_DOSE), outDir, 0, 12, -1024));

        ContrastAnalysis contrast = new ContrastAnalysis(phantom, post.slices());
        GroundTruth truth = GroundTruths.build(phantom, series, contrast,
                List.of(dose(planning, PLANNING), dose(needle, LOW_DOSE), dose(post, LOW_DOSE)));
        truth.write(outDir.resolve(GROUND_TRUTH_FILE));
        SampleFindings.write(outDir, truth); // reader R1's findings, as ground truth says they are
        return truth;
    }

    private static GroundTruth.Series write(SeriesWriter w, Path outDir, int pixelRepresentation, int bitsStored,
                                            double intercept) throws IOException {
        SeriesPlan p = w.plan;
        List<GroundTruth.FileEntry> files = w.write(outDir);
        SliceGeometry g = p.slices().get(0);
        List<Double> iop = new ArrayList<>();
        for (Vec3 v : List.of(g.row(), g.column())) {
            for (double d : new double[] {v.x(), v.y(), v.z()}) iop.add(Double.valueOf(Dicom.ds(d)));
        }
        String geometric = p.modality().equals("MR") ? "geometricIndex 0 = most right slice (x ascending)"
                : "geometricIndex 0 = most cranial slice (z descending)";
        return new GroundTruth.Series(p.key(), p.modality(), p.study().uid(), w.seriesUid, p.number(), p.description(),
                p.frameUid(), p.patientPosition(), p.acquisitionTime(), g.rows(), g.columns(), g.rowSpacing(),
                p.sliceThickness(), Vec3.r3(p.spacingAlongNormal()), p.gantryTiltDeg(), iop, pixelRepresentation,
                bitsStored, intercept, geometric, p.instanceOrder(), files);
    }

    private static GroundTruth.Acquisition dose(SeriesPlan p, Technique t) {
        double lengthCm = p.slices().size() * p.sliceThickness() / 10;
        return new GroundTruth.Acquisition(p.key(), t.kvp(), t.mAs(), t.ctdiVolMGy(), Vec3.r3(lengthCm),
                Vec3.r3(t.ctdiVolMGy() * lengthCm));
    }

    /** Regenerates a case folder: {@code java -cp ... org.parsreader.sample.SampleCaseGenerator [DIR]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-data/case-001");
        GroundTruth t = generate(out);
        System.out.printf("wrote %s: %d series, contrast %.3f mL analytic / %.3f mL voxels%n", out,
                t.series().size(), t.contrast().volumeAnalyticMl(), t.contrast().volumeVoxelMl());
    }

    static Map<String, Integer> ctNumbers() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Tissue t : Tissue.values()) m.put(t.name(), t.hu);
        return m;
    }
}
