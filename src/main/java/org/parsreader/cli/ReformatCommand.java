package org.parsreader.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.PlaneNrrd;
import org.parsreader.reformat.Reformatter;
import org.parsreader.volume.Volume;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reformat PATH --series S (--plane P | --origin x,y,z --normal a,b,c [--up a,b,c])
 * [--slab MM --mode mip|mean] [--planes N [--spacing MM]] --out FILE.nrrd}: a plane (or a stack of
 * parallel planes) computed from the volume in patient space, written as NRRD with its patient
 * origin and directions.
 */
@Command(name = "reformat", description = "Compute a plane (or a stack of parallel planes) from one stack in patient space "
        + "(trilinear, exact under anisotropic voxels and gantry tilt, calibrated: HU for CT; NaN outside the volume), "
        + "optionally a thick slab (MIP or mean), and write it as NRRD with its patient-space origin and directions.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader reformat sample-data/case-001 --series 2 --plane axial \\",
            "      --out out/axial.nrrd",
            "  pars-reader reformat sample-data/case-001 \\",
            "      --series 2.25.144238974742240537401837040969335971267 \\",
            "      --plane sagittal --origin 14.5,48,-487.5 --slab 10 --mode mip \\",
            "      --out out/sag-mip.nrrd"})
final class ReformatCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "DICOM folder, file, or DICOMDIR file")
    Path path;

    @Option(names = "--series", paramLabel = "KEY", description = "stack id, SeriesInstanceUID or SeriesNumber (default: the only non-localizer stack)")
    String series;

    @Option(names = "--plane", paramLabel = "axial|sagittal|coronal",
            description = "a plane along the patient axes covering the volume, through its centre or through --origin")
    String plane;

    @Option(names = "--origin", paramLabel = "x,y,z", description = "a point of the plane, patient mm (LPS)")
    String origin;

    @Option(names = "--normal", paramLabel = "a,b,c", description = "normal of an oblique plane (LPS; any length but zero); the image is seen looking along it")
    String normal;

    @Option(names = "--up", paramLabel = "a,b,c", description = "oblique plane: the direction shown upwards (default superior; anterior for a near-axial plane)")
    String up;

    @Option(names = "--slab", paramLabel = "MM", description = "thick slab of this thickness centred on the plane (default 0: thin)")
    String slabText;

    @Option(names = "--mode", paramLabel = "mip|mean", description = "how a slab's samples become one value (default mip)")
    String mode = "mip";

    @Option(names = "--planes", paramLabel = "N", description = "a stack of N parallel planes centred on the plane (default 1)")
    int planes = 1;

    @Option(names = "--spacing", paramLabel = "MM", description = "distance between the stack's planes (default: the smallest voxel spacing)")
    String spacingText;

    @Option(names = "--pixel", paramLabel = "MM", description = "pixel size (default: the smallest voxel spacing)")
    String pixelText;

    @Option(names = "--out", required = true, paramLabel = "FILE.nrrd", description = "the NRRD file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        // the command line first, before any file is read
        if ((plane == null) == (normal == null)) {
            throw bad("give either --plane axial|sagittal|coronal or --origin x,y,z --normal a,b,c"
                    + (plane != null ? " (not both: --plane " + plane + ", --normal " + normal + ")" : ""));
        }
        Plane.Orientation preset = null;
        if (plane != null) {
            try {
                preset = Plane.Orientation.valueOf(plane.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("--plane '" + plane + "' must be axial, sagittal or coronal");
            }
            if (up != null) throw bad("--up " + up + " is for an oblique plane (--normal); --plane " + plane + " has its own directions");
        } else if (origin == null) {
            throw bad("--normal " + normal + " needs --origin x,y,z, a point of the plane");
        }
        double[] o = origin == null ? null : vector("--origin", origin, false);
        double[] n = normal == null ? null : vector("--normal", normal, true);
        double[] u = up == null ? null : vector("--up", up, true);
        Reformatter.Mode m;
        try {
            m = Reformatter.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("--mode '" + mode + "' must be mip or mean");
        }
        double slab = slabText == null ? 0 : number("--slab", slabText);
        Double spacing = spacingText == null ? null : number("--spacing", spacingText);
        Double pixel = pixelText == null ? null : number("--pixel", pixelText);
        if (!(slab >= 0)) throw bad("--slab " + slabText + " must be a thickness in mm >= 0");
        if (planes < 1 || planes > 4096) throw bad("--planes " + planes + " must be 1 to 4096");
        if (spacing != null && (!(spacing > 0) || spacing.isInfinite())) throw bad("--spacing " + spacingText + " must be a distance in mm > 0");
        if (pixel != null && (!(pixel >= 0.01) || pixel > 100)) throw bad("--pixel " + pixelText + " must be a pixel size from 0.01 to 100 mm");

        StudyIndex index = StudyScanner.scan(path);
        ImageStack stack = VolumeStatsCommand.choose(index, series);
        if (!stack.frames().get(0).geometry().hasPosition()) {
            throw new IllegalArgumentException("--series " + (series == null ? stack.id() : series)
                    + ": the stack has no ImagePositionPatient / ImageOrientationPatient, so it has no place in patient space to reformat");
        }
        Volume v = VolumeLoader.load(stack, TerminalProgress.forStderr("Loading"));
        Reformatter r = new Reformatter(v);
        double px = pixel == null ? 0 : pixel;
        Plane p;
        String what;
        if (preset != null) {
            try {
                p = Plane.preset(v, preset, o, px);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--plane " + plane + (pixelText == null ? "" : " --pixel " + pixelText) + ": " + e.getMessage());
            }
            what = "--plane " + plane + (origin == null ? "" : " --origin " + origin);
        } else {
            try {
                p = Plane.oblique(v, o, n, u, px);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--normal " + normal + (up == null ? "" : " --up " + up) + ": " + e.getMessage());
            }
            what = "--origin " + origin + " --normal " + normal;
        }
        long floats = (long) planes * p.width() * p.height();
        long room = Runtime.getRuntime().maxMemory() / 4 / 2;
        if (floats > room) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--planes %d: %d planes of %d x %d pixels need %d MB, more than half "
                    + "of this Java heap (%d MB); ask for fewer planes or a larger --pixel", planes, planes, p.width(), p.height(),
                    floats * 4 >> 20, Runtime.getRuntime().maxMemory() >> 20));
        }
        double step = spacing == null ? Plane.smallestSpacing(v) : spacing;
        Plane first = p.shifted(-(planes - 1) / 2.0 * step);
        double[] range = p.depthRange(v);
        double half = (planes - 1) / 2.0 * step;
        if (range[0] > half + 1e-6 || range[1] < -half - 1e-6) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the plane lies outside the volume (the volume is %.1f to %.1f mm "
                    + "from it along its normal %s)", what, range[0], range[1], vec(p.normal())));
        }
        float[][] data;
        try {
            data = r.stack(first, planes, step, slab, m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--slab " + (slabText == null ? "0" : slabText) + ": " + e.getMessage());
        }
        String comment = String.format(Locale.ROOT, "series %s \"%s\", %s, %s", stack.id(), stack.series().description(), what,
                slab > 0 ? String.format(Locale.ROOT, "%s slab of %s mm (samples every %.4g mm)", m.name(), slabText.trim(), r.slabStep()) : "thin");
        PlaneNrrd.write(first, data, step, v.unit(), comment, out);

        long nan = 0, total = 0;
        for (float[] d : data) {
            for (float f : d) if (f != f) nan++;
            total += d.length;
        }
        System.out.printf(Locale.ROOT, "Stack:     %s \"%s\" (%s)%n", stack.id(), stack.series().description(), stack.summary());
        System.out.printf(Locale.ROOT, "Plane:     %d x %d pixels of %.4f mm%s%n", first.width(), first.height(), first.pixelSize(),
                planes > 1 ? String.format(Locale.ROOT, ", %d planes %.4f mm apart", planes, step) : "");
        System.out.printf(Locale.ROOT, "Origin:    %s mm (LPS, pixel 0,0%s)%n", vec(first.origin()), planes > 1 ? " of the first plane" : "");
        System.out.printf(Locale.ROOT, "Row:       %s%nColumn:    %s%nNormal:    %s%n", vec(first.rowDirection()), vec(first.columnDirection()), vec(first.normal()));
        System.out.printf(Locale.ROOT, "Values:    %s%s; %.1f %% outside the volume (NaN)%n", v.unit().isEmpty() ? "calibrated" : v.unit(),
                slab > 0 ? String.format(Locale.ROOT, ", %s of a %s mm slab", m.name(), slabText.trim()) : "", 100.0 * nan / total);
        for (String w : v.warnings()) System.out.println("Warning: " + w);
        System.out.println("Wrote:     " + out);
        return 0;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private double number(String option, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // below
        }
        throw bad(option + " '" + text + "' must be a number (mm)");
    }

    private double[] vector(String option, String text, boolean direction) {
        String[] parts = text.split(",");
        double[] p = new double[3];
        boolean ok = parts.length == 3;
        for (int i = 0; ok && i < 3; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].trim());
                ok = Double.isFinite(p[i]);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) throw bad(option + " '" + text + "' must be three numbers " + (direction ? "a,b,c" : "x,y,z in patient mm"));
        if (direction && Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) < 1e-9) {
            throw bad(option + " " + text + ": a " + (option.equals("--normal") ? "normal" : "direction") + " of zero length");
        }
        return p;
    }

    private static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.4f, %.4f, %.4f)", v[0], v[1], v[2]);
    }
}
