package org.parsreader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.util.Parallel;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VolumeStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code volume-stats PATH [--series UID]}: load one stack and print its size, spacing and value statistics. */
@Command(name = "volume-stats", description = "Load one stack as a calibrated volume and print dimensions, voxel spacing "
        + "and min/max/mean/sum of the calibrated values (HU for CT, stored x slope + intercept otherwise).",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader volume-stats sample-data/case-001 --series 5",
            "  pars-reader volume-stats sample-data/case-001 --json \\",
            "      --series 2.25.144238974742240537401837040969335971267"})
final class VolumeStatsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "DICOM folder, file, or DICOMDIR file")
    Path path;

    @Option(names = "--series", paramLabel = "UID", description = "stack id, SeriesInstanceUID or SeriesNumber (default: the only or largest non-localizer stack)")
    String series;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        StudyIndex index = StudyScanner.scan(path);
        ImageStack stack = choose(index, series);
        long t0 = System.nanoTime();
        // each slice summed by the thread that decoded it, while it is in the cache (no second pass over the volume)
        VolumeStats.Partials partials = new VolumeStats.Partials();
        Volume v = VolumeLoader.load(stack, TerminalProgress.forStderr("Loading"), Parallel.loadThreads(), partials::add);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        VolumeStats s = partials.finish(v);
        Map<String, Object> m = toMap(stack, v, s, ms);
        if (json) {
            System.out.println(Json.write(m));
        } else {
            double[] sp = v.geometry().spacing();
            System.out.printf(Locale.ROOT, "Stack:         %s \"%s\" (%s)%n", stack.id(), stack.series().description(), stack.summary());
            System.out.printf(Locale.ROOT, "Dimensions:    %d x %d x %d voxels%n", v.width(), v.height(), v.depth());
            System.out.printf(Locale.ROOT, "Voxel spacing: %.4f x %.4f x %.4f mm%s%n", sp[0], sp[1], sp[2],
                    v.geometry().shearDeg() > 0.5 ? String.format(Locale.ROOT, " (sheared %.1f deg, gantry tilt)", v.geometry().shearDeg()) : "");
            String unit = v.unit().isEmpty() ? "" : " " + v.unit();
            System.out.printf(Locale.ROOT, "Values%s:  min %.3f  max %.3f  mean %.4f  sum %.6g  over %d voxels%n",
                    unit.isEmpty() ? "" : " (" + v.unit() + ")", s.min(), s.max(), s.mean(), s.sum(), s.count());
            for (int k = 0; k < v.depth(); k++) {
                Volume.SliceInfo si = v.slices().get(k);
                if (!si.valid()) System.out.printf("Bad slice %d (%s): %s%n", k + 1, si.file() == null ? "no file" : si.file(), si.problem());
            }
            for (String w : v.warnings()) System.out.println("Warning: " + w);
            System.out.printf(Locale.ROOT, "Loaded in %.3f s%n", ms / 1000.0);
        }
        return v.invalidSliceCount() == v.depth() ? 1 : 0;
    }

    static ImageStack choose(StudyIndex index, String key) {
        if (key != null) {
            return index.findStack(key).orElseThrow(() -> new IllegalArgumentException(
                    "no stack or series '" + key + "' in " + index.root() + "; `info` lists the stack ids"));
        }
        List<ImageStack> candidates = index.stacks().stream().filter(s -> !s.localizer()).toList();
        if (candidates.isEmpty()) candidates = index.stacks();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no image stack found in " + index.root()
                    + (index.skipped().isEmpty() ? "" : " (" + index.skipped().size() + " file(s) skipped: "
                    + index.skipped().get(0).file().getFileName() + ": " + index.skipped().get(0).reason() + ")"));
        }
        if (candidates.size() > 1) {
            throw new IllegalArgumentException(index.root() + " holds " + candidates.size()
                    + " stacks; choose one with --series (ids from `info`)");
        }
        return candidates.get(0);
    }

    static Map<String, Object> toMap(ImageStack stack, Volume v, VolumeStats s, long ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stack_id", stack.id());
        m.put("series_uid", stack.series().uid());
        m.put("description", stack.series().description());
        m.put("dimensions", new int[] {v.width(), v.height(), v.depth()});
        m.put("spacing_mm", v.geometry().spacing());
        m.put("unit", v.unit());
        m.put("min", Json.num(s.min()));
        m.put("max", Json.num(s.max()));
        m.put("mean", Json.num(s.mean()));
        m.put("sum", Json.num(s.sum()));
        m.put("voxels", s.count());
        m.put("warnings", v.warnings());
        List<Object> bad = new ArrayList<>();
        for (int k = 0; k < v.depth(); k++) {
            Volume.SliceInfo si = v.slices().get(k);
            if (!si.valid()) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("slice", k + 1);
                b.put("file", si.file() == null ? null : si.file().toString());
                b.put("problem", si.problem());
                bad.add(b);
            }
        }
        m.put("bad_slices", bad);
        m.put("load_ms", ms);
        return m;
    }
}
