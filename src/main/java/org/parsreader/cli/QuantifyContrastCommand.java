package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.quant.CompartmentOverlap;
import org.parsreader.quant.ContrastFindings;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.quant.ContrastResult;
import org.parsreader.quant.ContrastSegmenter;
import org.parsreader.quant.MaskNrrd;
import org.parsreader.quant.QuantException;
import org.parsreader.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quantify-contrast PATH --seed x,y,z}: the contrast region of a post-contrast CT and its
 * measures; optionally recorded in a reader's findings (with the compartments reached, from the
 * reader's compartment ROIs) and written as a 3D mask (NRRD in patient geometry).
 */
@Command(name = "quantify-contrast", description = "Segment the injected contrast from a seed in patient mm (DICOM LPS) and print "
        + "volume (mL), craniocaudal extent (mm), distance from the needle tip, HU statistics; optionally record it in a reader's "
        + "findings (--record) with the compartments reached (--compartments), and write the region as a 3D mask (--mask-out).",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader quantify-contrast sample-data/case-001 \\",
            "      --series 2.25.144238974742240537401837040969335971267 \\",
            "      --seed 16.5,52,-499.5 --tip 14.5,48,-487.5 --mask-out out/contrast.nrrd",
            "  pars-reader quantify-contrast sample-data/case-001 --json \\",
            "      --series 2.25.144238974742240537401837040969335971267 \\",
            "      --baseline 2.25.72470171207538191724296273370711150673 \\",
            "      --seed 16.5,52,-499.5"})
final class QuantifyContrastCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "case folder, or its DICOMDIR file (findings go to the folder)")
    Path path;

    @Option(names = "--series", paramLabel = "UID", description = "post-contrast stack (id, SeriesInstanceUID or SeriesNumber); default: the only CT")
    String series;

    @Option(names = "--seed", required = true, paramLabel = "x,y,z", description = "a point in the contrast, patient mm (LPS)")
    String seed;

    @Option(names = "--baseline", paramLabel = "UID", description = "pre-contrast CT of the same table position (e.g. the needle check), subtracted")
    String baseline;

    @Option(names = "--tip", paramLabel = "x,y,z", description = "needle tip, patient mm, for the distance measure (default: the seed)")
    String tip;

    @Option(names = "--midline", paramLabel = "X", description = "patient x (mm) of the midline, for the side; default: the CT's centre column (an approximation)")
    Double midline;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "a segmentation parameter (repeatable): min_enhancement_hu, min_hu, "
            + "threshold_hu, metal_hu, max_radius_mm, max_alignment_hu, cortex_mm, cancellous_min_hu, cancellous_max_hu, bone_model_radius_mm")
    List<String> params = List.of();

    @Option(names = "--mask-out", paramLabel = "FILE.nrrd", description = "write the region as a 3D mask: NRRD (gzip, uint8) on the CT's grid "
            + "with its patient geometry (LPS), for 3D Slicer, ITK-SNAP or Fiji")
    Path maskOut;

    @Option(names = "--record", description = "store the region (mask3d ROI) and contrast_volume_ml with provenance in the reader's findings")
    boolean record;

    @Option(names = "--compartments", description = "with --record: the overlap with the reader's contrast_compartments ROIs at this level and "
            + "side, and the reached set stored as contrast_compartments")
    boolean compartments;

    @Option(names = "--reader", paramLabel = "ID", description = "with --record: the reader (names the findings file)")
    String reader;

    @Option(names = "--role", paramLabel = "R1|R2|consensus", description = "with --record: the reader's role for a new findings file (default: "
            + "the file's, R1 when new)")
    String role;

    @Option(names = "--level", paramLabel = "L5", description = "with --record: the injected level")
    String level;

    @Option(names = "--side", paramLabel = "left|right", description = "with --record: the injected side")
    String side;

    @Option(names = "--template", paramLabel = "ID|FILE", description = "with --record: the reading template (default pars-injection)")
    String template;

    @Option(names = "--pseudonyms", paramLabel = "CSV", description = "with --record: the pseudonym list (default <cases folder>.pseudonyms.csv beside the folder holding the case)")
    Path pseudonyms;

    @Option(names = "--who", paramLabel = "NAME", description = "with --record: who, for the audit log (default: the user)")
    String who;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    static final String SOFTWARE = "Pars Reader " + (QuantifyContrastCommand.class.getPackage().getImplementationVersion() == null
            ? "(development build)" : QuantifyContrastCommand.class.getPackage().getImplementationVersion()) + " quantify-contrast";

    @Override
    public Integer call() throws IOException {
        ContrastParameters parameters = parameters(params);
        Side injectedSide = null;
        if (record) {
            if (reader == null || level == null || side == null) {
                throw new IllegalArgumentException("--record needs --reader, --level and --side (the injection), e.g. --reader R1 --level L5 --side left");
            }
            injectedSide = Side.parse(side);
        } else if (compartments) {
            throw new IllegalArgumentException("--compartments needs --record (the compartment ROIs are read from the reader's findings)");
        }
        StudyIndex index = StudyScanner.scan(path);
        ImageStack postStack = series != null ? VolumeStatsCommand.choose(index, series) : onlyCt(index);
        Volume post = VolumeLoader.load(postStack);
        Volume base = baseline == null ? null : VolumeLoader.load(VolumeStatsCommand.choose(index, baseline));
        double[] s = point("--seed", seed);
        double[] t = tip == null ? null : point("--tip", tip);
        ContrastResult r = ContrastSegmenter.segment(post, base, s, t, parameters);
        double midX = midline != null ? midline : post.geometry().toPatient((post.width() - 1) / 2.0, (post.height() - 1) / 2.0, 0)[0];
        if (maskOut != null) MaskNrrd.write(r.mask(), post.geometry(), maskOut);
        ContrastFindings.Recorded recorded = null;
        if (record) {
            ReadingTemplate tpl = template == null ? ReadingTemplate.builtIn("pars-injection")
                    : ReadingTemplate.BUILT_IN.contains(template) ? ReadingTemplate.builtIn(template) : ReadingTemplate.fromFile(Path.of(template));
            // a DICOMDIR (or single file) path: the case folder, where findings live, is its folder
            Path caseDir = java.nio.file.Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path;
            FindingsDocument.Reader who0 = readerWithRole(caseDir, reader, role);
            Side sd = injectedSide;
            try (CaseFindings f = CaseFindings.openCase(caseDir, who0, tpl, pseudonyms != null ? pseudonyms : CaseFindings.defaultRegistry(caseDir),
                    who != null ? who : System.getProperty("user.name", "unknown"))) {
                recorded = ContrastFindings.recordWithCompartments(f.editor(), r, post, level, sd, compartments, SOFTWARE, Instant.now());
                f.save(String.format(Locale.ROOT, "quantify-contrast %s %s on series %s: %.4f mL", level, sd.label(), post.seriesInstanceUid(),
                        r.volumeMl()));
            }
        }
        if (json) {
            Map<String, Object> m = toMap(r, post);
            m.put("side", r.side(midX));
            m.put("midline_x_mm", midX);
            if (maskOut != null) m.put("mask_file", maskOut.toString());
            if (recorded != null) m.put("recorded", recordedMap(recorded, reader, level, injectedSide));
            System.out.println(Json.write(m));
        } else {
            System.out.printf(Locale.ROOT, "Contrast on %s (%s%s):%n", post.name(), r.mode(),
                    base == null ? "" : String.format(Locale.ROOT, " of %s, bone alignment %.0f HU", base.name(), r.alignmentHu()));
            System.out.printf(Locale.ROOT, "  volume              %.3f mL (%d voxels)%n", r.volumeMl(), r.voxels());
            System.out.printf(Locale.ROOT, "  craniocaudal extent %.1f mm (z %.1f .. %.1f)%n", r.craniocaudalExtentMm(), r.zMinMm(), r.zMaxMm());
            System.out.printf(Locale.ROOT, "  farthest from tip   %.1f mm%n", r.maxDistanceFromTipMm());
            System.out.printf(Locale.ROOT, "  HU                  mean %.0f, sd %.0f, min %.0f, max %.0f%n", r.meanHu(), r.sdHu(), r.minHu(), r.maxHu());
            System.out.printf(Locale.ROOT, "  centroid            (%.1f, %.1f, %.1f) mm, %s of the midline x = %.1f mm%s%n", r.centroid()[0], r.centroid()[1],
                    r.centroid()[2], r.side(midX), midX, midline == null ? " (the CT's centre column)" : "");
            if (r.boneModel() != null && r.boneModel().found()) {
                var b = r.boneModel();
                System.out.printf(Locale.ROOT, "  bone model          cortex %.0f +- %.0f HU, contrast %.0f HU, soft tissue %.0f HU; contrast >= %.0f HU, "
                        + "or >= %.0f HU outside the bone shell%n", b.cortexHu(), b.cortexSdHu(), b.contrastHu(), b.softTissueHu(), b.coreThresholdHu(),
                        b.rimThresholdHu());
            }
            System.out.println("  parameters          " + String.join(" ", r.parameters().asMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList()));
            if (maskOut != null) System.out.println("  mask                " + maskOut + " (NRRD, the CT's grid and patient geometry)");
            if (recorded != null) {
                System.out.printf(Locale.ROOT, "  recorded            %s's findings: ROI %s, contrast_volume_ml at %s %s%s%n", reader, recorded.roiId(), level,
                        injectedSide.label(), recorded.overlap() == null ? "" : "; compartments reached: " + String.join("|", recorded.overlap().reached()));
                if (recorded.overlap() != null) {
                    for (CompartmentOverlap.Compartment c : recorded.overlap().compartments()) {
                        System.out.printf(Locale.ROOT, "    %-22s %s %.4f mL (%d voxels)%n", c.label(), c.reached() ? "reached    " : "not reached",
                                c.overlapMl(), c.overlapVoxels());
                    }
                }
            }
            for (String w : r.warnings()) System.out.println("  warning: " + w);
        }
        return 0;
    }

    /** {@code key=value} pairs into parameters; an unknown key or a bad number is an error naming it. */
    /** The parameters from {@code --param KEY=VALUE} pairs, each checked against its range as it is read. */
    static ContrastParameters parameters(List<String> pairs) {
        Map<String, Double> changes = new java.util.LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--param '" + pair + "' must be KEY=VALUE, e.g. --param cortex_mm=2.5");
            String key = pair.substring(0, eq).trim();
            String text = pair.substring(eq + 1).trim();
            try {
                ContrastParameters.Range range = ContrastParameters.range(key);
                try {
                    Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--param " + key + ": '" + text + "' is not a number (range " + range.text() + ")");
                }
                changes.put(key, ContrastParameters.parse(key, text));
            } catch (QuantException e) {
                throw new IllegalArgumentException("--param " + pair.trim() + ": " + e.getMessage());
            }
        }
        try {
            return ContrastParameters.DEFAULTS.with(changes);
        } catch (QuantException e) {
            throw new IllegalArgumentException("--param: " + e.getMessage());
        }
    }

    private static FindingsDocument.Reader readerWithRole(Path caseDir, String id, String role) throws IOException {
        if (role != null) return new FindingsDocument.Reader(id, Role.parse(role));
        var existing = CaseFindings.store(caseDir).read(id);
        Role r = existing.isEmpty() ? Role.R1 : org.parsreader.findings.FindingsJson.read(existing.get(), id + ".findings.json").reader().role();
        return new FindingsDocument.Reader(id, r);
    }

    private static Map<String, Object> recordedMap(ContrastFindings.Recorded rec, String reader, String level, Side side) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reader", reader);
        m.put("level", level);
        m.put("side", side.label());
        m.put("roi", rec.roiId());
        if (rec.overlap() != null) {
            m.put("compartments_reached", rec.overlap().reached());
            m.put("compartments_not_reached", rec.overlap().notReached());
            Map<String, Object> ml = new LinkedHashMap<>();
            for (CompartmentOverlap.Compartment c : rec.overlap().compartments()) ml.put(c.label(), c.overlapMl());
            m.put("overlap_ml", ml);
        }
        return m;
    }

    static Map<String, Object> toMap(ContrastResult r, Volume post) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series_uid", post.seriesInstanceUid());
        m.put("mode", r.mode());
        m.put("volume_ml", r.volumeMl());
        m.put("extent_mm", r.craniocaudalExtentMm());
        m.put("voxels", r.voxels());
        m.put("max_distance_from_tip_mm", r.maxDistanceFromTipMm());
        m.put("mean_hu", r.meanHu());
        m.put("sd_hu", r.sdHu());
        m.put("min_hu", r.minHu());
        m.put("max_hu", r.maxHu());
        m.put("centroid_mm", r.centroid());
        m.put("seed_mm", r.seed());
        m.put("alignment_hu", Json.num(r.alignmentHu()));
        m.put("parameters", r.parameters().asMap());
        if (r.boneModel() != null) m.put("bone_model", r.boneModel().asMap());
        m.put("warnings", r.warnings());
        return m;
    }

    private static ImageStack onlyCt(StudyIndex index) {
        var cts = index.stacks().stream().filter(s -> "CT".equals(s.modality()) && !s.localizer()).toList();
        if (cts.size() != 1) {
            throw new IllegalArgumentException(index.root() + " holds " + cts.size() + " CT stacks; choose the post-contrast one with --series (ids from `info`)");
        }
        return cts.get(0);
    }

    static double[] point(String option, String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) throw new IllegalArgumentException(option + " '" + text + "' must be x,y,z in patient mm");
        double[] p = new double[3];
        try {
            for (int i = 0; i < 3; i++) p[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' must be three numbers x,y,z in patient mm");
        }
        return p;
    }
}
