package org.parsreader.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.quant.ContrastResult;
import org.parsreader.quant.ContrastSegmenter;
import org.parsreader.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantify-contrast PATH --seed x,y,z}: the contrast region of a post-contrast CT and its measures. */
@Command(name = "quantify-contrast", description = "Segment the injected contrast from a seed in patient mm (DICOM LPS) and print "
        + "volume (mL), craniocaudal extent (mm), distance from the needle tip, HU statistics.")
final class QuantifyContrastCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "case folder")
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

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        StudyIndex index = StudyScanner.scan(path);
        ImageStack postStack = series != null ? VolumeStatsCommand.choose(index, series) : onlyCt(index);
        Volume post = VolumeLoader.load(postStack);
        Volume base = baseline == null ? null : VolumeLoader.load(VolumeStatsCommand.choose(index, baseline));
        double[] s = point("--seed", seed);
        double[] t = tip == null ? null : point("--tip", tip);
        ContrastResult r = ContrastSegmenter.segment(post, base, s, t, ContrastParameters.DEFAULTS);
        double midX = midline != null ? midline : post.geometry().toPatient((post.width() - 1) / 2.0, (post.height() - 1) / 2.0, 0)[0];
        if (json) {
            Map<String, Object> m = toMap(r, post);
            m.put("side", r.side(midX));
            m.put("midline_x_mm", midX);
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
            for (String w : r.warnings()) System.out.println("  warning: " + w);
        }
        return 0;
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
