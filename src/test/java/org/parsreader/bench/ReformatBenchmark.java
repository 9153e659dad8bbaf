package org.parsreader.bench;

import ij.ImagePlus;
import ij.plugin.Slicer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.Reformatter;
import org.parsreader.volume.ImageJViews;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/**
 * Reformat speed (issue 12) on a synthetic 512x512x400 16-bit CT (0.7 x 0.7 x 0.625 mm) built in
 * memory: one 512x512 sagittal plane, one 512x512 oblique plane and a 10 mm MIP slab, warm, on
 * one thread and on every core; the whole sagittal set from Pars Reader's stack and from
 * ImageJ's Reslice ({@code ij.plugin.Slicer}, Image &gt; Stacks &gt; Reslice, start at Left) on
 * the same arrays as an ImagePlus, in the same run. Medians. Results go to BENCHMARKS.md.
 */
public final class ReformatBenchmark {
    static final int RUNS = Integer.getInteger("bench.runs", 21);

    private ReformatBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = 512, depth = 400;
        double dx = 0.7, dz = 0.625;
        VoxelGeometry g = new VoxelGeometry(new double[] {-(n - 1) / 2.0 * dx, -(n - 1) / 2.0 * dx, -(depth - 1) / 2.0 * dz},
                new double[] {dx, 0, 0}, new double[] {0, dx, 0}, new double[] {0, 0, dz});
        Volume v = volume(g, n, depth);
        Reformatter r = new Reformatter(v);
        Reformatter rp = new Reformatter(v).parallel(true);
        double ps = (depth - 1) * dz / (n - 1); // 512 rows span the volume's height exactly
        Plane sagittal = new Plane(new double[] {0.35, -(n - 1) / 2.0 * ps, (depth - 1) / 2.0 * dz}, new double[] {0, 1, 0},
                new double[] {0, 0, -1}, ps, n, n);
        Plane oblique = Plane.oblique(v, new double[] {0.35, 0.35, 0.3}, new double[] {1, 0.5, 0.3}, null, 0.4);
        oblique = new Plane(oblique.point((oblique.width() - n) / 2.0, (oblique.height() - n) / 2.0), oblique.rowDirection(),
                oblique.columnDirection(), 0.4, n, n);
        ForkJoinPool one = new ForkJoinPool(1);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "# Reformat benchmark: %d cores, %s %s, median of %d warm runs; load average %s at the start%n%n", cores,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), RUNS, load());
        System.out.println("| case | method | threads | median ms | CPU ms a run |");
        System.out.println("|---|---|---:|---:|---:|");
        Plane sag = sagittal, obl = oblique;
        row("512x512 sagittal plane", "Pars Reader `Reformatter.sample`", "1", ms(() -> inPool(one, () -> r.sample(sag))), nanShare(r.sample(sag)));
        row("", "Pars Reader `Reformatter.sample`", String.valueOf(cores), ms(() -> rp.sample(sag)), "");
        row("512x512 oblique plane (normal 1,0.5,0.3; 0.4 mm)", "Pars Reader `Reformatter.sample`", "1", ms(() -> inPool(one, () -> r.sample(obl))), nanShare(r.sample(obl)));
        row("", "Pars Reader `Reformatter.sample`", String.valueOf(cores), ms(() -> rp.sample(obl)), "");
        int samples = 2 * (int) Math.floor(5 / r.slabStep() + 1e-9) + 1;
        row("512x512 sagittal, 10 mm MIP slab (" + samples + " samples along the normal)", "Pars Reader `Reformatter.slab`", "1",
                ms(() -> inPool(one, () -> r.slab(sag, 10, Reformatter.Mode.MIP))), "");
        row("", "Pars Reader `Reformatter.slab`", String.valueOf(cores), ms(() -> rp.slab(sag, 10, Reformatter.Mode.MIP)), "");

        // the whole sagittal set: ImageJ's Reslice against Pars Reader's stack of the same planes
        ImagePlus imp = ImageJViews.toImagePlus(v, null);
        int slow = Math.max(3, RUNS / 4);
        ImagePlus[] out = new ImagePlus[1];
        double[] ij = ms(() -> out[0] = reslice(imp, "Left"), slow);
        row("whole sagittal set", "ImageJ Reslice (`ij.plugin.Slicer`, start at Left, interpolated): "
                + out[0].getWidth() + "x" + out[0].getHeight() + " x " + out[0].getStackSize() + " planes", "1", ij, "");
        Plane sagSet = new Plane(new double[] {g.origin()[0], g.origin()[1], (depth - 1) / 2.0 * dz}, new double[] {0, 1, 0},
                new double[] {0, 0, -1}, dz, (int) Math.floor((n - 1) * dx / dz) + 1, depth);
        row("", "Pars Reader `Reformatter.stack`: " + sagSet.width() + "x" + sagSet.height() + " x " + n + " planes", "1",
                ms(() -> inPool(one, () -> r.stack(sagSet, n, dx, 0, Reformatter.Mode.MIP)), slow), "");
        row("", "Pars Reader `Reformatter.stack`: " + sagSet.width() + "x" + sagSet.height() + " x " + n + " planes", String.valueOf(cores),
                ms(() -> rp.stack(sagSet, n, dx, 0, Reformatter.Mode.MIP), slow), "");
        one.shutdown();
        System.out.printf(Locale.ROOT, "%nload average %s at the end%n", load());
    }

    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU time of the whole process (every thread), ns; on Linux counted in ticks of 10 ms, so only sums over many runs mean much. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static Volume volume(VoxelGeometry g, int n, int depth) {
        Object[] data = new Object[depth];
        List<Volume.SliceInfo> info = new ArrayList<>();
        for (int k = 0; k < depth; k++) {
            short[] s = new short[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double x = i - n / 2.0, y = j - n / 2.0;
                    boolean body = x * x + y * y < 200 * 200;
                    s[j * n + i] = (short) (body ? 1024 + 40 + ((i * 7 + j * 13 + k * 29) & 255) : 0);
                }
            }
            data[k] = s;
            info.add(new Volume.SliceInfo(null, -1, "2.25." + k, null));
        }
        return new Volume("bench", n, n, VoxelType.UINT16, data, 1, -1024, "HU", g, info, new double[] {40, 400}, false);
    }

    /** ImageJ's Reslice without its dialog: the fields the dialog would set, set directly. */
    static ImagePlus reslice(ImagePlus imp, String startAt) {
        try {
            Slicer s = new Slicer();
            set(s, "startAt", startAt);
            set(s, "inputZSpacing", imp.getCalibration().pixelDepth);
            set(s, "outputZSpacing", 1.0); // in input pixels, as Reslice's dialog sets it: one plane per column
            set(s, "nointerpolate", false);
            set(s, "noRoi", true);
            imp.deleteRoi();
            return s.reslice(imp);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object o, String field, Object value) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }

    static <T> T inPool(ForkJoinPool pool, Supplier<T> work) {
        return pool.submit(work::get).join();
    }

    static String nanShare(float[] img) {
        int nan = 0;
        for (float f : img) if (f != f) nan++;
        return String.format(Locale.ROOT, "%.0f %% inside", 100.0 - 100.0 * nan / img.length);
    }

    static void row(String c, String method, String threads, double[] ms, String note) {
        System.out.printf(Locale.ROOT, "| %s | %s%s | %s | %.2f | %.2f |%n", c, method, note.isEmpty() ? "" : " (" + note + ")", threads, ms[0], ms[1]);
    }

    static double[] ms(Supplier<?> work) {
        return ms(work, RUNS);
    }

    /** Median wall ms of the timed runs, and the process's CPU ms per timed run (the mean: CPU time is counted in 10 ms ticks). */
    static double[] ms(Supplier<?> work, int runs) {
        for (int i = 0; i < Math.max(3, runs / 2); i++) work.get(); // warm up
        double[] t = new double[runs];
        long cpu0 = processCpu();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Object o = work.get();
            t[i] = (System.nanoTime() - t0) / 1e6;
            if (o == null) throw new IllegalStateException("no result");
        }
        double cpu = (processCpu() - cpu0) / 1e6 / runs;
        Arrays.sort(t);
        return new double[] {t[runs / 2], cpu};
    }
}
