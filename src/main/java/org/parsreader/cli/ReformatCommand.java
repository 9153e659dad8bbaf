package org.parsreader.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.ReformatSpec;
import org.parsreader.reformat.PlaneNrrd;
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
        ReformatSpec spec = new ReformatSpec(plane, origin, normal, up, slabText, mode, planes, spacingText, pixelText, ReformatSpec.CLI);
        try {
            spec.parse();
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        StudyIndex index = StudyScanner.scan(path);
        ImageStack stack = VolumeStatsCommand.choose(index, series);
        if (!stack.frames().get(0).geometry().hasPosition()) {
            throw new IllegalArgumentException("--series " + (series == null ? stack.id() : series)
                    + ": the stack has no ImagePositionPatient / ImageOrientationPatient, so it has no place in patient space to reformat");
        }
        Volume v = VolumeLoader.load(stack, TerminalProgress.forStderr("Loading"));
        ReformatSpec.Result r = spec.compute(v);
        Plane first = r.first();
        String comment = String.format(Locale.ROOT, "series %s \"%s\", %s", stack.id(), stack.series().description(), r.description());
        PlaneNrrd.write(first, r.data(), r.step(), v.unit(), comment, out);

        System.out.printf(Locale.ROOT, "Stack:     %s \"%s\" (%s)%n", stack.id(), stack.series().description(), stack.summary());
        System.out.printf(Locale.ROOT, "Plane:     %d x %d pixels of %.4f mm%s%n", first.width(), first.height(), first.pixelSize(),
                planes > 1 ? String.format(Locale.ROOT, ", %d planes %.4f mm apart", planes, r.step()) : "");
        System.out.printf(Locale.ROOT, "Origin:    %s mm (LPS, pixel 0,0%s)%n", vec(first.origin()), planes > 1 ? " of the first plane" : "");
        System.out.printf(Locale.ROOT, "Row:       %s%nColumn:    %s%nNormal:    %s%n", vec(first.rowDirection()),
                vec(first.columnDirection()), vec(first.normal()));
        String slab = slabText == null || spec.parse().slab() == 0 ? "" : String.format(Locale.ROOT, ", %s of a %s mm slab",
                spec.parse().mode().name(), slabText.trim());
        System.out.printf(Locale.ROOT, "Values:    %s%s; %.1f %% outside the volume (NaN)%n", v.unit().isEmpty() ? "calibrated" : v.unit(), slab,
                100.0 * r.outsideShare());
        for (String w : v.warnings()) System.out.println("Warning: " + w);
        System.out.println("Wrote:     " + out);
        return 0;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.4f, %.4f, %.4f)", v[0], v[1], v[2]);
    }
}
