package org.parsreader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.reading.PointMapper;
import org.parsreader.reading.ReadingSession;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/**
 * The demo's reading section: what {@code Read Case...} does behind the panel, headless, on a
 * throw-away copy of the sample case (the sample's own findings stay untouched): a blinded
 * session, the series chosen, two level clicks on the T2 and the rest proposed, "go to L5 left
 * pars" on every series, a gap line that fills its value, the edema ratio at once, undo and
 * redo, and the saved file. The clicks are the ground truth's points, as a reader would place them.
 */
final class DemoReading {
    private static final ProgressListener QUIET = ProgressListener.NONE;

    private DemoReading() {}

    static void run(Path sample, GroundTruth truth) throws IOException {
        Path tmp = Files.createTempDirectory("pars-reader-demo");
        try {
            Path caseDir = copy(sample, tmp.resolve("case-001"));
            ReadingSession.Options options = new ReadingSession.Options(new FindingsDocument.Reader("DEMO", Role.R2),
                    ReadingTemplate.builtIn("pars-injection"), true, tmp.resolve("pseudonyms.csv"), 0);
            try (ReadingSession s = ReadingSession.open(caseDir, options, QUIET)) {
                read(s, truth);
            }
            Path file = caseDir.resolve("findings/DEMO.findings.json");
            FindingsDocument saved = FindingsJson.readFile(file);
            System.out.printf(Locale.ROOT, "  saved %s: %d values, %d ROIs, %d measurements, %d level marks (R1's findings were never read: blinded)%n",
                    caseDir.relativize(file), saved.values().size(), saved.rois().size(), saved.measurements().size(), saved.levelMarks().size());
        } finally {
            delete(tmp);
        }
    }

    private static void read(ReadingSession s, GroundTruth truth) throws IOException {
        System.out.println("  " + s.caseTitle() + ", reader DEMO (R2): no name, ID, birth date or study date on screen");
        for (String how : s.plan().how()) System.out.println("  series " + how);
        Volume t2 = s.volume(s.plan().t2(), QUIET);
        Volume stir = s.volume(s.plan().edema(), QUIET);
        Volume ct = s.volume(s.plan().ct(), QUIET);
        Volume needle = s.volume(s.plan().ctBaseline(), QUIET);

        s.markLevel("L5", t2, p(body(truth, "L5").mr()));
        s.markLevel("S1", t2, p(body(truth, "S1").mr()));
        System.out.println("  two clicks on the T2 (L5, S1); the other levels proposed (exact here: the phantom's spine is straight):");
        LevelMap mr = s.levels(t2.frameOfReferenceUid());
        for (LevelMap.Position pos : mr.positions()) {
            double err = dist(pos.point(), p(body(truth, pos.level()).mr()));
            System.out.printf(Locale.ROOT, "    %-3s %-8s %.1f mm from the true body centre%n", pos.level(), pos.marked() ? "marked" : "proposed", err);
        }
        double[] pars = mr.pars(s.document(), "L5", Side.LEFT).orElseThrow();
        System.out.println("  go to L5 left pars:");
        goTo(s, pars, t2, List.of(t2, stir, ct, needle));
        s.markLevel("L5", ct, p(body(truth, "L5").ct()));
        System.out.println("  one click on L5 of the post-contrast CT (prone, its own frame of reference), then again:");
        goTo(s, pars, t2, List.of(ct, needle));

        // the gap of the left L5 defect, a line across it on the CT through the defect centre; its length fills the value
        GroundTruth.ParsDefect d = truth.parsDefects().stream().filter(x -> x.level().equals("L5") && x.side().equals("left")).findFirst().orElseThrow();
        Vec3 c = d.centreCt();
        double half = d.gapWidthMm() / 2;
        FindingsDocument.Roi gap = new FindingsDocument.Roi(null, FindingsDocument.RoiType.LINE, "gap_width_mm", "L5", Side.LEFT,
                List.of(new double[] {c.x(), c.y(), c.z() + half}, new double[] {c.x(), c.y(), c.z() - half}),
                ct.frameOfReferenceUid(), ct.seriesInstanceUid(), List.of(), null, null);
        String gapId = s.addRoi(gap, true);
        System.out.printf(Locale.ROOT, "  gap line %s: gap_width_mm L5 left = %s mm (truth %.1f), linked to the line%n", gapId,
                s.editor().get("gap_width_mm", "L5", Side.LEFT).orElseThrow().text(), d.gapWidthMm());

        // edema and reference polygons on the STIR: the ratio at once
        Vec3 e = truth.edema().ellipsoidCentreMr();
        GroundTruth.ParsDefect r = truth.parsDefects().stream().filter(x -> x.level().equals("L5") && x.side().equals("right")).findFirst().orElseThrow();
        double midline = (d.centreMr().x() + r.centreMr().x()) / 2;
        s.set(ReadingSession.BME_REF_TYPE, "L5", Side.LEFT, "normal_marrow");
        s.addRoi(square(stir, "bme_roi_mean", new Vec3(e.x(), e.y(), e.z())), true);
        s.addRoi(square(stir, "bme_ref_mean", new Vec3(2 * midline - e.x(), e.y(), e.z())), true);
        System.out.println("  edema and reference polygons on the STIR: " + s.bme("L5", Side.LEFT).map(ReadingSession.BmeResult::describe).orElse("no ratio"));
        s.undo();
        System.out.println("  Ctrl+Z: the reference polygon, its mean and the ratio go in one step (ratio now: "
                + s.bme("L5", Side.LEFT).map(b -> "still there").orElse("none") + "); Ctrl+Y brings them back");
        s.redo();
        s.set("pars_defect", "L5", Side.LEFT, "complete");
        System.out.println("  " + s.save().map(v -> "Ctrl+S: saved (version " + v.seq() + ", atomically, with an audit line)").orElse("nothing to save"));
    }

    private static void goTo(ReadingSession s, double[] pars, Volume from, List<Volume> on) {
        PointMapper mapper = PointMapper.of(s);
        for (Volume v : on) {
            PointMapper.Mapped m = mapper.map(pars, from, v);
            if (!m.found()) {
                System.out.printf(Locale.ROOT, "    %-26s %s%n", v.name(), m.reason());
                continue;
            }
            double[] ijk = v.geometry().toVoxel(m.point()[0], m.point()[1], m.point()[2]);
            System.out.printf(Locale.ROOT, "    %-26s slice %d of %d, column %.0f, row %.0f (%s)%n", v.name(), Math.round(ijk[2]) + 1, v.depth(),
                    ijk[0], ijk[1], m.via() == PointMapper.Via.SAME_FRAME ? "same frame of reference" : "through levels " + String.join(", ", m.levels()));
        }
    }

    /** A 6 x 6 mm square in the sagittal plane of {@code v} around {@code c} (MR patient mm). */
    private static FindingsDocument.Roi square(Volume v, String finding, Vec3 c) {
        double[] ijk = v.geometry().toVoxel(c.x(), c.y(), c.z());
        long k = Math.round(ijk[2]);
        List<double[]> pts = Stream.of(new double[] {-3, -3}, new double[] {3, -3}, new double[] {3, 3}, new double[] {-3, 3})
                .map(o -> {
                    double[] q = v.geometry().toVoxel(c.x(), c.y() + o[0], c.z() + o[1]);
                    return v.geometry().toPatient(q[0], q[1], k);
                }).toList();
        return new FindingsDocument.Roi(null, FindingsDocument.RoiType.POLYGON, finding, "L5", Side.LEFT, pts, v.frameOfReferenceUid(),
                v.seriesInstanceUid(), List.of(), null, null);
    }

    private static GroundTruth.Landmark body(GroundTruth t, String level) {
        return t.vertebralBodyCentres().stream().filter(l -> l.name().startsWith(level + " ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("ground truth has no " + level + " vertebral body"));
    }

    private static double[] p(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("demo: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
