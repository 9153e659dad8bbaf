package org.parsreader.reformat;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.parsreader.volume.Volume;

/**
 * What to reformat, as the user wrote it (the command line's {@code --plane}, a macro's
 * {@code plane=}): parsed and checked before any file is read, then computed on a volume. One
 * place for the options of both the {@code reformat} command and ImageJ's {@code Reformat...},
 * so both say the same thing about the same mistake. {@code name} turns a key ("plane") into the
 * way the user wrote it ("--plane" or "plane=").
 *
 * @param plane   axial, sagittal or coronal, or null for an oblique plane
 * @param origin  x,y,z in patient mm: a point of the plane (needed with {@code normal})
 * @param normal  a,b,c: the oblique plane's normal, or null with {@code plane}
 * @param up      a,b,c: the oblique plane's upward direction, or null
 * @param slab    slab thickness in mm, or null (thin)
 * @param mode    mip or mean, or null (mip)
 * @param planes  how many parallel planes (1 to 4096)
 * @param spacing distance between planes in mm, or null (the smallest voxel spacing)
 * @param pixel   pixel size in mm, or null (the smallest voxel spacing)
 */
public record ReformatSpec(String plane, String origin, String normal, String up, String slab, String mode, int planes, String spacing,
                           String pixel, UnaryOperator<String> name) {

    /** A checked request: numbers and vectors parsed. */
    public record Parsed(ReformatSpec spec, Plane.Orientation preset, double[] origin, double[] normal, double[] up, double slab,
                         Reformatter.Mode mode, int planes, Double spacing, double pixel) {}

    /** The planes computed: the first plane, one float array per plane, their spacing, and a one-line description. */
    public record Result(Plane first, float[][] data, double step, String description, double slabStep) {
        /** The share of samples outside the volume (NaN), 0..1. */
        public double outsideShare() {
            long nan = 0, total = 0;
            for (float[] d : data) {
                for (float f : d) if (f != f) nan++;
                total += d.length;
            }
            return total == 0 ? 0 : (double) nan / total;
        }
    }

    /** The command line's spelling: "--plane". */
    public static final UnaryOperator<String> CLI = k -> "--" + k;
    /** A macro's spelling: "plane=". */
    public static final UnaryOperator<String> MACRO = k -> k + "=";

    /** Checks the options (no file read yet); throws {@link IllegalArgumentException} naming the option and its value. */
    public Parsed parse() {
        if ((plane == null) == (normal == null)) {
            throw new IllegalArgumentException("give either " + n("plane") + "axial|sagittal|coronal or " + n("origin") + "x,y,z " + n("normal")
                    + "a,b,c" + (plane != null ? " (not both: " + n("plane") + plane + ", " + n("normal") + normal + ")" : ""));
        }
        Plane.Orientation preset = null;
        if (plane != null) {
            try {
                preset = Plane.Orientation.valueOf(plane.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(n("plane") + "'" + plane + "' must be axial, sagittal or coronal");
            }
            if (up != null) throw new IllegalArgumentException(n("up") + up + " is for an oblique plane (" + n("normal") + "); " + n("plane") + plane
                    + " has its own directions");
        } else if (origin == null) {
            throw new IllegalArgumentException(n("normal") + normal + " needs " + n("origin") + "x,y,z, a point of the plane");
        }
        double[] o = origin == null ? null : vector("origin", origin, false);
        double[] nv = normal == null ? null : vector("normal", normal, true);
        double[] u = up == null ? null : vector("up", up, true);
        Reformatter.Mode m;
        try {
            m = Reformatter.Mode.valueOf((mode == null ? "mip" : mode).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(n("mode") + "'" + mode + "' must be mip or mean");
        }
        double s = slab == null ? 0 : number("slab", slab);
        Double sp = spacing == null ? null : number("spacing", spacing);
        Double px = pixel == null ? null : number("pixel", pixel);
        if (!(s >= 0)) throw new IllegalArgumentException(n("slab") + slab + " must be a thickness in mm >= 0");
        if (planes < 1 || planes > 4096) throw new IllegalArgumentException(n("planes") + planes + " must be 1 to 4096");
        if (sp != null && !(sp > 0)) throw new IllegalArgumentException(n("spacing") + spacing + " must be a distance in mm > 0");
        if (px != null && (!(px >= 0.01) || px > 100)) throw new IllegalArgumentException(n("pixel") + pixel + " must be a pixel size from 0.01 to 100 mm");
        return new Parsed(this, preset, o, nv, u, s, m, planes, sp, px == null ? 0 : px);
    }

    /** Computes the planes on {@code v}; throws naming the option when the plane misses the volume or the slab is too thick. */
    public Result compute(Volume v) {
        Parsed q = parse();
        Reformatter r = new Reformatter(v);
        Plane p;
        String what;
        if (q.preset() != null) {
            try {
                p = Plane.preset(v, q.preset(), q.origin(), q.pixel());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(n("plane") + plane + (pixel == null ? "" : " " + n("pixel") + pixel) + ": " + e.getMessage());
            }
            what = n("plane") + plane + (origin == null ? "" : " " + n("origin") + origin);
        } else {
            try {
                p = Plane.oblique(v, q.origin(), q.normal(), q.up(), q.pixel());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(n("normal") + normal + (up == null ? "" : " " + n("up") + up) + ": " + e.getMessage());
            }
            what = n("origin") + origin + " " + n("normal") + normal;
        }
        long floats = (long) q.planes() * p.width() * p.height();
        long room = Runtime.getRuntime().maxMemory() / 4 / 2;
        if (floats > room) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s%d: %d planes of %d x %d pixels need %d MB, more than half "
                    + "of this Java heap (%d MB); ask for fewer planes or a larger %s", n("planes"), q.planes(), q.planes(), p.width(), p.height(),
                    floats * 4 >> 20, Runtime.getRuntime().maxMemory() >> 20, n("pixel")));
        }
        double step = q.spacing() == null ? Plane.smallestSpacing(v) : q.spacing();
        Plane first = p.shifted(-(q.planes() - 1) / 2.0 * step);
        double[] range = p.depthRange(v);
        double half = (q.planes() - 1) / 2.0 * step;
        if (range[0] > half + 1e-6 || range[1] < -half - 1e-6) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the plane lies outside the volume (the volume is %.1f to %.1f mm "
                    + "from it along its normal %s)", what, range[0], range[1], vec(p.normal())));
        }
        float[][] data;
        try {
            data = r.stack(first, q.planes(), step, q.slab(), q.mode());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(n("slab") + (slab == null ? "0" : slab) + ": " + e.getMessage());
        }
        String how = q.slab() > 0 ? String.format(Locale.ROOT, "%s slab of %s mm (samples every %.4g mm)", q.mode().name(), slab.trim(), r.slabStep())
                : "thin";
        return new Result(first, data, step, what + ", " + how, r.slabStep());
    }

    private String n(String key) {
        String s = name.apply(key);
        return s.endsWith("=") ? s : s + " ";
    }

    private double number(String key, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(n(key) + "'" + text + "' must be a number (mm)");
    }

    private double[] vector(String key, String text, boolean direction) {
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
        if (!ok) throw new IllegalArgumentException(n(key) + "'" + text + "' must be three numbers " + (direction ? "a,b,c" : "x,y,z in patient mm"));
        if (direction && Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) < 1e-9) {
            throw new IllegalArgumentException(n(key) + text + ": a " + (key.equals("normal") ? "normal" : "direction") + " of zero length");
        }
        return p;
    }

    /** "(x, y, z)" to 4 decimals. */
    public static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.4f, %.4f, %.4f)", v[0], v[1], v[2]);
    }
}
