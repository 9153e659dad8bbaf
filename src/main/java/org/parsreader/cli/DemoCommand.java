package org.parsreader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.FindingsValidator;
import org.parsreader.findings.ReadingTemplate;
import java.util.List;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.scoring.AgreementRun;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.analysis.AgreementResult;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.quant.ContrastResult;
import org.parsreader.quant.ContrastSegmenter;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleCaseGenerator;
import org.parsreader.sample.SampleFindings;
import org.parsreader.sample.Vec3;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.Reformatter;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VolumeStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: everything Pars Reader can do so far, on the sample case: the study index,
 * every series loaded as a calibrated volume, and values read at the ground-truth positions
 * (patient mm to voxel through each series' own geometry).
 */
@Command(name = "demo", description = "Run the whole existing path on sample-data/ and print what a reader would want to see.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader demo --sample sample-data/case-001"})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--sample", paramLabel = "DIR", description = "sample case folder (default: ${DEFAULT-VALUE})")
    Path sample = Path.of("sample-data", "case-001");

    /** Section 6: the defect on a sagittal reformat of the planning CT, the contrast on a thick-slab MIP (issue 12's core). */
    private static void reformats(Map<String, Volume> volumes, GroundTruth.ParsDefect left, GroundTruth.Landmark facetJoint) {
        System.out.println("== 6. Reformats: the left L5 pars on a sagittal plane of the planning CT, the contrast on a 10 mm MIP");
        double[] gap = {left.centreCt().x(), left.centreCt().y(), left.centreCt().z()};
        Volume planning = volumes.get("Planning");
        Plane sagittal = Plane.preset(planning, Plane.Orientation.SAGITTAL, gap, 0);
        long t0 = System.nanoTime();
        float[] px = new Reformatter(planning).sample(sagittal);
        double ms = (System.nanoTime() - t0) / 1e6;
        double[] ij = sagittal.pixelOf(gap);
        float atGap = px[(int) Math.round(ij[1]) * sagittal.width() + (int) Math.round(ij[0])];
        System.out.printf(Locale.ROOT, "  sagittal plane x = %.1f mm: %d x %d pixels of %.2f mm in %.1f ms; %.0f HU at the defect centre (the gap is read here)%n",
                gap[0], sagittal.width(), sagittal.height(), sagittal.pixelSize(), ms, atGap);
        Volume post = volumes.get("Post contrast");
        double[] joint = {facetJoint.ct().x(), facetJoint.ct().y(), facetJoint.ct().z()};
        Plane axial = Plane.preset(post, Plane.Orientation.AXIAL, joint, 0);
        float[] mip = new Reformatter(post).slab(axial, 10, Reformatter.Mode.MIP);
        float[] thin = new Reformatter(post).sample(axial);
        System.out.printf(Locale.ROOT, "  axial through the facet joint: brightest %.0f HU on the plane, %.0f HU on a 10 mm MIP (contrast above or below shows)%n",
                max(thin), max(mip));
        System.out.println("  (command line: reformat PATH --series ID --plane sagittal --origin x,y,z [--slab 10 --mode mip] --out plane.nrrd)");
    }

    private static double max(float[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (float f : a) if (!Float.isNaN(f) && f > m) m = f;
        return m;
    }

    @Override
    public Integer call() throws Exception {
        Path truthFile = sample.resolve(SampleCaseGenerator.GROUND_TRUTH_FILE);
        if (!Files.exists(truthFile)) {
            throw new IllegalArgumentException("no sample case at " + sample + " (" + truthFile.getFileName()
                    + " missing); write one with: generate-sample " + sample);
        }
        GroundTruth truth = GroundTruth.read(truthFile);
        System.out.println("== Pars Reader demo: " + sample + " (synthetic case " + truth.caseId() + ")");
        System.out.println(truth.summary());
        System.out.println();
        System.out.println("== 1. Study index (headers only; identity hidden)");
        StudyIndex index = StudyScanner.scan(sample);
        System.out.println(IndexReport.toText(index, false));
        System.out.println();
        System.out.println("== 2. Every series as a calibrated volume");
        Map<String, Volume> volumes = new LinkedHashMap<>();
        for (ImageStack s : index.stacks()) {
            long t0 = System.nanoTime();
            Volume v = VolumeLoader.load(s);
            double ms = (System.nanoTime() - t0) / 1e6;
            VolumeStats st = VolumeStats.of(v);
            double[] sp = v.geometry().spacing();
            System.out.printf(Locale.ROOT, "  %-14s %3dx%3dx%2d  %.3f x %.3f x %.3f mm  %-3s min %7.1f  max %7.1f  mean %8.2f  (%4.0f ms)%n",
                    s.series().description(), v.width(), v.height(), v.depth(), sp[0], sp[1], sp[2],
                    v.unit().isEmpty() ? "SI" : v.unit(), st.min(), st.max(), st.mean(), ms);
            volumes.put(s.series().description(), v);
        }
        System.out.println();
        System.out.println("== 3. Ground truth, read back through patient coordinates");
        GroundTruth.ParsDefect left = defect(truth, "L");
        GroundTruth.ParsDefect right = defect(truth, "R");
        System.out.printf(Locale.ROOT, "  Left L5 pars defect (%.1f mm gap) at CT %s; the needle tip sits in it:%n", left.gapWidthMm(), fmt(left.centreCt()));
        report(volumes, "Planning", left.centreCt(), "HU in the gap before the injection (defect tissue " + truth.ctNumbersHu().get("DEFECT_TISSUE") + ")");
        report(volumes, "Needle check", alongNeedle(truth, 3), "HU on the needle shaft 3 mm from the tip (metal, clipped at 3071)");
        GroundTruth.Landmark facet = truth.facetJointCentres().stream().filter(f -> f.name().startsWith("left L5-S1")).findFirst()
                .orElseThrow(() -> new IllegalStateException("ground truth has no left L5-S1 facet joint"));
        System.out.printf(Locale.ROOT, "  Left L5-S1 facet joint at CT %s:%n", fmt(facet.ct()));
        report(volumes, "Planning", facet.ct(), "HU before (joint space " + truth.ctNumbersHu().get("JOINT_SPACE") + ")");
        report(volumes, "Post contrast", facet.ct(), "HU after: contrast (" + truth.contrast().hu() + " HU) leaked into the joint");
        for (GroundTruth.Landmark l : truth.vertebralBodyCentres()) {
            if (l.name().startsWith("L4") || l.name().startsWith("L5")) {
                report(volumes, "Planning", l.ct(), "HU, " + l.name() + " (cancellous bone " + truth.ctNumbersHu().get("CANCELLOUS_BONE") + ")");
            }
        }
        Vec3 edema = truth.edema().ellipsoidCentreMr();
        double midline = (left.centreMr().x() + right.centreMr().x()) / 2;
        Vec3 mirror = new Vec3(2 * midline - edema.x(), edema.y(), edema.z());
        double leftStir = sample(volumes.get("STIR SAG"), edema);
        double rightStir = sample(volumes.get("STIR SAG"), mirror);
        System.out.printf(Locale.ROOT, "  STIR at the left L5 edema centre %.0f, same point on the right %.0f: ratio %.2f (isthmic edema on the left)%n",
                leftStir, rightStir, leftStir / rightStir);
        System.out.printf(Locale.ROOT, "  Contrast region (truth): %.3f mL, %.1f mm craniocaudal, reached: %s%n",
                truth.contrast().volumeVoxelMl(), truth.contrast().craniocaudalExtentMm(),
                String.join(", ", truth.contrast().compartmentsReached().stream().map(GroundTruth.Compartment::name).toList()));
        System.out.println();
        System.out.println("== 4. Reader R1's findings (" + SampleFindings.FILE + ")");
        Path findingsFile = sample.resolve(SampleFindings.FILE);
        FindingsDocument doc = FindingsJson.readFile(findingsFile);
        ReadingTemplate template = ReadingTemplate.builtIn(doc.template().id());
        var problems = FindingsValidator.validate(doc, template);
        System.out.printf(Locale.ROOT, "  patient %s, reader %s (%s), template %s %s: %d values, %d ROIs, %d measurements, %s%n",
                doc.pseudonym(), doc.reader().id(), doc.reader().role().label(), doc.template().id(), doc.template().version(),
                doc.values().size(), doc.rois().size(), doc.measurements().size(), problems.isEmpty() ? "valid" : problems.size() + " problem(s)");
        for (FindingsDocument.FindingValue v : doc.values()) {
            String label = template.finding(v.finding()).map(ReadingTemplate.FindingType::label).orElse(v.finding());
            String unit = template.finding(v.finding()).map(f -> f.unit() == null ? "" : " " + f.unit()).orElse("");
            System.out.printf(Locale.ROOT, "    %-3s %-6s %-32s %s%s%s%n", v.level(), v.side() == null ? "" : v.side().label(), label,
                    v.value().text(), unit, v.roi() == null ? "" : "  [" + v.roi() + "]");
        }
        System.out.println();
        System.out.println("== 5. Contrast on the post-contrast CT, needle-check CT subtracted (seed: the left L5-S1 facet joint)");
        GroundTruth.Landmark facetJoint = truth.facetJointCentres().stream().filter(f -> f.name().startsWith("left L5-S1")).findFirst().orElseThrow();
        Vec3 tipCt = truth.needle().tipCt();
        ContrastResult contrast = ContrastSegmenter.segment(volumes.get("Post contrast"), volumes.get("Needle check"),
                new double[] {facetJoint.ct().x(), facetJoint.ct().y(), facetJoint.ct().z()}, new double[] {tipCt.x(), tipCt.y(), tipCt.z()},
                ContrastParameters.DEFAULTS);
        System.out.printf(Locale.ROOT, "  measured: %.3f mL (%d voxels), %.1f mm craniocaudal, %.1f mm from the needle tip at most, mean %.0f HU (%s)%n",
                contrast.volumeMl(), contrast.voxels(), contrast.craniocaudalExtentMm(), contrast.maxDistanceFromTipMm(), contrast.meanHu(), contrast.mode());
        System.out.printf(Locale.ROOT, "  truth:    %.3f mL (%d voxels), %.1f mm%n", truth.contrast().volumeVoxelMl(), truth.contrast().voxelCount(),
                truth.contrast().craniocaudalExtentVoxelMm());
        for (String w : contrast.warnings()) System.out.println("  note: " + w);
        ContrastResult noBaseline = ContrastSegmenter.segment(volumes.get("Post contrast"), null,
                new double[] {facetJoint.ct().x(), facetJoint.ct().y(), facetJoint.ct().z()}, new double[] {tipCt.x(), tipCt.y(), tipCt.z()},
                ContrastParameters.DEFAULTS);
        System.out.printf(Locale.ROOT, "  without the needle check (bone model): %.3f mL (%d voxels), %.1f mm craniocaudal (%s)%n",
                noBaseline.volumeMl(), noBaseline.voxels(), noBaseline.craniocaudalExtentMm(), noBaseline.mode());
        System.out.println();
        reformats(volumes, left, facetJoint);
        System.out.println();
        Path cohort = sample.toAbsolutePath().normalize().getParent().resolve("cohort");
        if (Files.isDirectory(cohort)) {
            System.out.println("== 7. Simulated cohort (" + cohort.getFileName() + "): which findings predict relief (PPR >= 50 %)? Reader R1, univariable logistic regression");
            ScoringRun.Result run = ScoringRun.run(new ScoreRequest(cohort, cohort.resolve("outcomes.csv"), List.of("R1"), null, null, false, null));
            for (var tp : run.timePoints()) {
                System.out.printf(Locale.ROOT, "  %-8s n = %d, success %.0f %%%n", tp.timePoint(), tp.counts().analysed(), 100 * tp.counts().successRate());
            }
            System.out.printf("  %-32s %-8s %-24s %7s  %s%n", "predictor", "time", "OR (95 % CI)", "p (LR)", "method");
            for (var tp : run.timePoints()) {
                for (UnivariableResult r : run.results("R1", tp.timePoint())) {
                    if (!List.of("bme_isthmic_any", "hollenberg_active", "contrast_intradefect_bilateral", "contrast_caudal_facet_any",
                            "contrast_n_compartments", "contrast_intravascular_any").contains(r.predictor())) continue;
                    System.out.printf(Locale.ROOT, "  %-32s %-8s %-24s %7s  %s%n", r.predictor(), tp.timePoint(),
                            String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", r.oddsRatio(), r.lower(), r.upper()),
                            r.pLr() < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", r.pLr()), r.method());
                }
            }
            AgreementRun.Result agreement = AgreementRun.run(cohort, "R1", "R2");
            for (AgreementResult a : agreement.rows()) {
                if (a.item().startsWith("bme_isthmic") && a.statistic().toLowerCase(Locale.ROOT).contains("kappa") || a.item().equals("gap_width_mm")) {
                    System.out.printf(Locale.ROOT, "  agreement R1-R2 %-22s %-18s %.2f (%.2f-%.2f), n = %d%n", a.item(), a.statistic(), a.estimate(), a.lower(), a.upper(), a.n());
                }
            }
            System.out.println("  (full tables, report.md and forest plots: score --findings " + cohort + " --outcomes " + cohort.resolve("outcomes.csv") + " --out DIR)");
            System.out.println();
        }
        System.out.println("== 8. Reading the case as reader DEMO (what Read Case... does behind the panel, on a temporary copy)");
        DemoReading.run(sample, truth);
        System.out.println();
        System.out.println("In ImageJ/Fiji: Plugins > Pars Reader > Read Case... opens this as the reading panel; batch COHORT --out DIR runs a cohort.");
        return 0;
    }

    /** A point on the needle shaft {@code mm} from the tip towards the hub. */
    private static Vec3 alongNeedle(GroundTruth t, double mm) {
        Vec3 tip = t.needle().tipCt();
        Vec3 hub = t.needle().hubCt();
        double dx = hub.x() - tip.x(), dy = hub.y() - tip.y(), dz = hub.z() - tip.z();
        double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
        return new Vec3(tip.x() + mm * dx / n, tip.y() + mm * dy / n, tip.z() + mm * dz / n);
    }

    private static GroundTruth.ParsDefect defect(GroundTruth t, String side) {
        return t.parsDefects().stream().filter(d -> d.level().equals("L5") && d.side().toUpperCase(Locale.ROOT).startsWith(side))
                .findFirst().orElseThrow(() -> new IllegalStateException("ground truth has no L5 " + side + " pars defect"));
    }

    private static void report(Map<String, Volume> volumes, String series, Vec3 p, String what) {
        Volume v = volumes.get(series);
        if (v == null) throw new IllegalStateException("sample case has no series '" + series + "'");
        System.out.printf(Locale.ROOT, "    %-14s %8.0f %s%n", series, sample(v, p), what);
    }

    /** Value of the voxel nearest to patient point {@code p}, NaN outside the volume. */
    static double sample(Volume v, Vec3 p) {
        double[] ijk = v.geometry().toVoxel(p.x(), p.y(), p.z());
        int i = (int) Math.round(ijk[0]);
        int j = (int) Math.round(ijk[1]);
        int k = (int) Math.round(ijk[2]);
        if (i < 0 || j < 0 || k < 0 || i >= v.width() || j >= v.height() || k >= v.depth()) return Double.NaN;
        return v.value(i, j, k);
    }

    private static String fmt(Vec3 p) {
        return String.format(Locale.ROOT, "(%.1f, %.1f, %.1f) mm", p.x(), p.y(), p.z());
    }
}
