package org.parsreader.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.ReformatSpec;
import org.parsreader.volume.Volume;

/**
 * Plugins &gt; Pars Reader &gt; Reformat...: a sagittal, coronal, axial or oblique plane (or a stack of
 * parallel planes, or a thick-slab MIP/mean) computed in patient space from a series opened with
 * Open Study... (the active image) or from {@code folder=} and {@code series=}, shown as a new
 * calibrated image (mm pixels, HU for CT) titled for what it is ("CT sag reformat", "CT sag MIP
 * 10 mm"). The same options and messages as the command line's {@code reformat} (one
 * {@link ReformatSpec}); the plane's geometry is in the image's Info and its properties.
 *
 * <pre>{@code
 * run("Reformat...", "plane=sagittal planes=60");                         // the active Open Study image
 * run("Reformat...", "folder=/data/case-001 series=#6 plane=sagittal slab=10 mode=mip");
 * run("Reformat...", "origin=16.5,52,-499.5 normal=1,0.3,0 up=0,0,1");   // oblique, through a point
 * }</pre>
 */
public final class ReformatCommand implements ij.plugin.PlugIn {
    public static final String COMMAND = "Reformat...";
    /** The first plane of the image (a {@link Plane}); with {@link #STEP_PROPERTY}, where every pixel lies in patient mm. */
    public static final String PLANE_PROPERTY = "ParsReader.Plane";
    /** The distance between the image's planes in mm (a Double). */
    public static final String STEP_PROPERTY = "ParsReader.PlaneStep";
    /** The series the image was reformatted from (a {@code Volume}): ROIs drawn on the image are stored in its patient mm, series and frame. */
    public static final String SOURCE_PROPERTY = "ParsReader.ReformatSource";
    /** The slab thickness in mm (a Double, 0 for thin planes); with {@link #SLAB_MODE_PROPERTY} "MIP", a point clicked resolves to the brightest sample of the slab. */
    public static final String SLAB_PROPERTY = "ParsReader.Slab";
    /** "MIP" or "MEAN" (a String) for a thick slab. */
    public static final String SLAB_MODE_PROPERTY = "ParsReader.SlabMode";
    static final Set<String> KEYS = Set.of("folder", "series", "plane", "origin", "normal", "up", "slab", "mode", "planes", "spacing", "pixel");
    static final String EXAMPLE = "plane=sagittal (or origin=x,y,z normal=a,b,c [up=a,b,c]) [slab=MM mode=mip|mean] [planes=N spacing=MM] "
            + "[folder=... series=#3]";

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            String macro = Macro.getOptions();
            MacroOptions o;
            if (macro != null) {
                o = MacroOptions.parse(COMMAND, macro, KEYS);
            } else {
                Commands.requireDisplay(COMMAND, EXAMPLE);
                o = dialog();
                if (o == null) return;
            }
            ImagePlus source = null;
            String folder = o.get("folder", "").trim();
            Volume v;
            if (!folder.isEmpty()) {
                source = OpenStudyCommand.process(Path.of(folder), o.require(COMMAND, "series", "series=#3 (with folder=)"), new ImageJProgress());
                v = (Volume) source.getProperty(OpenStudyCommand.VOLUME_PROPERTY);
            } else {
                ImagePlus active = WindowManager.getCurrentImage();
                v = active == null ? null : active.getProperty(OpenStudyCommand.VOLUME_PROPERTY) instanceof Volume x ? x : null;
                if (v == null) {
                    throw new IllegalArgumentException(COMMAND + ": open a series with Open Study... first (the active image"
                            + (active == null ? " is missing" : " '" + active.getTitle() + "' is not one") + "), or give folder=... series=...");
                }
            }
            ImagePlus out = process(v, spec(o));
            out.show();
        });
    }

    static ReformatSpec spec(MacroOptions o) {
        int planes;
        String p = o.get("planes", "1").trim();
        try {
            planes = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(COMMAND + ": planes='" + p + "' must be a whole number from 1 to 4096");
        }
        return new ReformatSpec(blankToNull(o.get("plane", "")), blankToNull(o.get("origin", "")), blankToNull(o.get("normal", "")),
                blankToNull(o.get("up", "")), blankToNull(o.get("slab", "")), blankToNull(o.get("mode", "")), planes,
                blankToNull(o.get("spacing", "")), blankToNull(o.get("pixel", "")), ReformatSpec.MACRO);
    }

    /** The reformat of {@code v} as a calibrated float image with its plane geometry; headless. */
    public static ImagePlus process(Volume v, ReformatSpec spec) {
        ReformatSpec.Parsed q;
        try {
            q = spec.parse();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(COMMAND + ": " + e.getMessage());
        }
        ReformatSpec.Result r;
        try {
            r = spec.compute(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(COMMAND + ": " + e.getMessage());
        }
        Plane first = r.first();
        ImageStack stack = new ImageStack(first.width(), first.height());
        for (int k = 0; k < r.data().length; k++) {
            stack.addSlice(String.format(Locale.ROOT, "%.1f mm", (k - (r.data().length - 1) / 2.0) * r.step()),
                    new FloatProcessor(first.width(), first.height(), r.data()[k]));
        }
        ImagePlus imp = new ImagePlus(title(v, q), stack);
        Calibration c = imp.getCalibration();
        c.setUnit("mm");
        c.pixelWidth = first.pixelSize();
        c.pixelHeight = first.pixelSize();
        c.pixelDepth = r.step();
        c.setValueUnit(v.unit());
        imp.setProperty(PLANE_PROPERTY, first);
        imp.setProperty(STEP_PROPERTY, r.step());
        imp.setProperty(SOURCE_PROPERTY, v);
        imp.setProperty(SLAB_PROPERTY, q.slab());
        imp.setProperty(SLAB_MODE_PROPERTY, q.mode() == null ? "MIP" : q.mode().name());
        imp.setProperty("Info", String.format(Locale.ROOT, "Pars Reader reformat of %s%n%s%nfirst plane origin %s mm (LPS, pixel 0,0)%nrow %s%n"
                + "column %s%nnormal %s%n%d plane(s) %.4f mm apart, pixels %.4f mm%n%.1f %% outside the volume (NaN)%n", v.name(), r.description(),
                ReformatSpec.vec(first.origin()), ReformatSpec.vec(first.rowDirection()), ReformatSpec.vec(first.columnDirection()),
                ReformatSpec.vec(first.normal()), r.data().length, r.step(), first.pixelSize(), 100 * r.outsideShare()));
        imp.resetDisplayRange();
        for (String w : v.warnings()) IJ.log("Pars Reader: warning: " + v.name() + ": " + w);
        return imp;
    }

    /** "CT sag reformat", "MR cor reformat", "CT sag MIP 10 mm", "CT oblique reformat": what the viewer is, never cut to an id. */
    static String title(Volume v, ReformatSpec.Parsed q) {
        // the loader calibrates CT to HU; everything else this tool reads is MR
        String modality = "HU".equals(v.unit()) ? "CT " : "MR ";
        String plane = q.preset() == null ? "oblique" : switch (q.preset()) {
            case SAGITTAL -> "sag";
            case CORONAL -> "cor";
            case AXIAL -> "ax";
        };
        String how = q.slab() > 0 ? String.format(Locale.ROOT, "%s %s mm", q.mode().name(), trim(q.slab())) : "reformat";
        return modality + plane + " " + how + (v.name() == null || v.name().isBlank() ? "" : " (" + v.name() + ")");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The dialog: its labels are the macro keys, so the Recorder records what {@link #spec} reads. */
    private static MacroOptions dialog() {
        GenericDialog gd = new GenericDialog("Pars Reader: Reformat");
        gd.addChoice("plane", new String[] {"sagittal", "coronal", "axial", "oblique"}, "sagittal");
        gd.addStringField("origin", "", 24);
        gd.addStringField("normal", "", 24);
        gd.addStringField("up", "", 24);
        gd.addMessage("oblique: origin x,y,z (patient mm) and normal a,b,c; up optional");
        gd.addNumericField("slab", 0, 1, 6, "mm (0: thin)");
        gd.addChoice("mode", new String[] {"mip", "mean"}, "mip");
        gd.addNumericField("planes", 1, 0, 6, "");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        String plane = gd.getNextChoice();
        String origin = gd.getNextString().trim(), normal = gd.getNextString().trim(), up = gd.getNextString().trim();
        double slab = gd.getNextNumber();
        String mode = gd.getNextChoice();
        int planes = (int) gd.getNextNumber();
        StringBuilder b = new StringBuilder();
        if (!plane.equals("oblique")) b.append("plane=").append(plane).append(' ');
        if (!origin.isEmpty()) b.append("origin=").append(origin).append(' ');
        if (plane.equals("oblique") && !normal.isEmpty()) b.append("normal=").append(normal).append(' ');
        if (plane.equals("oblique") && !up.isEmpty()) b.append("up=").append(up).append(' ');
        if (slab > 0) b.append("slab=").append(slab).append(" mode=").append(mode).append(' ');
        b.append("planes=").append(planes);
        return MacroOptions.parse(COMMAND, b.toString(), KEYS);
    }
}
