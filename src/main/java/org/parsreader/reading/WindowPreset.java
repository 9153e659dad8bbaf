package org.parsreader.reading;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelType;

/**
 * A display window (what grey level each value gets) for the reading panel's viewers: the CT
 * presets of radiology workstations and an automatic MRI window from the volume's own values.
 * Headless: the viewers turn the {@link Window} into ImageJ's display range.
 *
 * <p>CT values are the usual ones (Radiopaedia, "Windowing (CT)",
 * https://radiopaedia.org/articles/windowing-ct: bone W 1800 / L 400, soft tissue W 350-400 /
 * L 20-60):
 * <ul>
 *   <li>{@link #CT_BONE}: width 1800 HU, level 400 HU (-500..1300 HU): cortex, the pars defect
 *       and contrast (about 1400 HU in the sample case) stay apart from cancellous bone;</li>
 *   <li>{@link #CT_SOFT_TISSUE}: width 400 HU, level 50 HU (-150..250 HU): fat, muscle, disc,
 *       the dural sac, contrast in soft tissue.</li>
 * </ul>
 * {@link #MR_AUTO} has no fixed numbers (MR signal has no units): it spans the 1st to 99.5th
 * percentile of the volume's <em>body</em> voxels, background air left out (see
 * {@link #bodyThreshold}), so a few very bright voxels (vessels, CSF flow, a coil hot spot)
 * and the dark air around the patient do not squeeze the tissue into a few grey levels.
 */
public final class WindowPreset {
    /** A window in physical units (HU for CT, signal for MR): {@code low..high}, or centre and width. */
    public record Window(double centre, double width) {
        public double low() { return centre - width / 2; }

        public double high() { return centre + width / 2; }

        public static Window ofRange(double low, double high) {
            return new Window((low + high) / 2, high - low);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "W %.0f / L %.0f", width, centre);
        }
    }

    public static final String CT_BONE_ID = "ct-bone";
    public static final String CT_SOFT_TISSUE_ID = "ct-soft";
    public static final String MR_AUTO_ID = "mr-auto";

    /** CT bone: W 1800 / L 400 HU. */
    public static final WindowPreset CT_BONE = new WindowPreset(CT_BONE_ID, "CT bone (W 1800 / L 400)", "CT", new Window(400, 1800));
    /** CT soft tissue: W 400 / L 50 HU. */
    public static final WindowPreset CT_SOFT_TISSUE = new WindowPreset(CT_SOFT_TISSUE_ID, "CT soft tissue (W 400 / L 50)", "CT",
            new Window(50, 400));
    /** MRI automatic: 1st..99.5th percentile of the body voxels. */
    public static final WindowPreset MR_AUTO = new WindowPreset(MR_AUTO_ID, "MRI automatic (body 1-99.5 %)", null, null);

    /** Percentiles of the body voxels that {@link #MR_AUTO} spans. */
    static final double LOW_PERCENTILE = 1.0;
    static final double HIGH_PERCENTILE = 99.5;
    /** At most this many voxels are looked at (evenly spread), so a 512x512x400 volume costs as much as a small one. */
    static final int MAX_SAMPLES = 2_000_000;

    private static final List<WindowPreset> ALL = List.of(CT_BONE, CT_SOFT_TISSUE, MR_AUTO);
    private static final Map<Volume, Window> AUTO_CACHE = new WeakHashMap<>();

    private final String id;
    private final String label;
    private final String modality;
    private final Window fixed;

    private WindowPreset(String id, String label, String modality, Window fixed) {
        this.id = id;
        this.label = label;
        this.modality = modality;
        this.fixed = fixed;
    }

    /** Stable id for macros and the panel: {@code ct-bone}, {@code ct-soft}, {@code mr-auto}. */
    public String id() { return id; }

    /** What a menu shows. */
    public String label() { return label; }

    /**
     * Whether the preset makes sense for a volume: the CT presets need Hounsfield units; the
     * automatic one fits any grey-scale volume. No preset applies to colour (RGB) images.
     */
    public boolean appliesTo(Volume v) {
        if (v.type() == VoxelType.RGB) return false;
        return modality == null || "CT".equals(modality) && isCt(v);
    }

    /** The window for {@code v}, in its physical units. */
    public Window window(Volume v) {
        if (fixed != null) return fixed;
        synchronized (AUTO_CACHE) {
            Window w = AUTO_CACHE.get(v);
            if (w == null) {
                w = automatic(v);
                AUTO_CACHE.put(v, w);
            }
            return w;
        }
    }

    /**
     * The window as a range of <em>stored</em> values ({@code [low, high]}), what ImageJ's
     * {@code setDisplayRange} takes for 8- and 16-bit images with a calibration function.
     */
    public double[] storedRange(Volume v) {
        Window w = window(v);
        double slope = v.slope() == 0 ? 1 : v.slope();
        double lo = (w.low() - v.intercept()) / slope;
        double hi = (w.high() - v.intercept()) / slope;
        return new double[] {Math.min(lo, hi), Math.max(lo, hi)};
    }

    public static List<WindowPreset> all() { return ALL; }

    /** The presets that apply to {@code v}, default first (none for a colour image). */
    public static List<WindowPreset> applicable(Volume v) {
        WindowPreset d = defaultFor(v);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(d), ALL.stream().filter(p -> p != d))
                .filter(p -> p.appliesTo(v)).toList();
    }

    /** The preset with {@code id} (case-insensitive; "bone", "soft", "auto" also work). */
    public static Optional<WindowPreset> find(String id) {
        if (id == null) return Optional.empty();
        String k = id.trim().toLowerCase(Locale.ROOT);
        for (WindowPreset p : ALL) if (p.id.equals(k)) return Optional.of(p);
        return switch (k) {
            case "bone", "ct bone" -> Optional.of(CT_BONE);
            case "soft", "soft-tissue", "soft tissue", "ct soft tissue", "ct-soft-tissue" -> Optional.of(CT_SOFT_TISSUE);
            case "auto", "mri", "mr", "mri automatic" -> Optional.of(MR_AUTO);
            default -> Optional.empty();
        };
    }

    /** Like {@link #find}, but throws naming the presets there are. */
    public static WindowPreset require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no window preset '" + id + "'; presets: "
                + String.join(", ", ALL.stream().map(WindowPreset::id).toList())));
    }

    /**
     * The preset a series opens with: CT bone for CT (pars defects, the needle and contrast are
     * read in a bone window), the automatic window for MR and everything else.
     */
    public static WindowPreset defaultFor(String modality) {
        return "CT".equalsIgnoreCase(modality == null ? "" : modality.trim()) ? CT_BONE : MR_AUTO;
    }

    /** {@link #defaultFor(String)} for a loaded volume (CT when its unit is HU). */
    public static WindowPreset defaultFor(Volume v) {
        return defaultFor(isCt(v) ? "CT" : "MR");
    }

    static boolean isCt(Volume v) {
        return "HU".equals(v.unit());
    }

    // ---- the automatic window

    /** 1st..99.5th percentile of the body voxels (valid slices only); the full range if there are none. */
    static Window automatic(Volume v) {
        double[] values = sample(v);
        if (values.length == 0) return new Window(0, 1);
        java.util.Arrays.sort(values);
        double threshold = bodyThreshold(values);
        int from = lowerBound(values, threshold);
        if (values.length - from < Math.max(16, values.length / 100)) from = 0; // no body found: use everything
        int n = values.length - from;
        double lo = values[from + (int) Math.floor((n - 1) * LOW_PERCENTILE / 100)];
        double hi = values[from + (int) Math.ceil((n - 1) * HIGH_PERCENTILE / 100)];
        if (!(hi > lo)) {
            lo = values[0];
            hi = values[values.length - 1];
            if (!(hi > lo)) hi = lo + 1;
        }
        return Window.ofRange(lo, hi);
    }

    /**
     * The signal that separates background air from the body, on sorted values: Otsu's
     * threshold between the dark and the bright class, taken only up to a tenth of the way
     * from the darkest value to the 99.5th percentile when Otsu lands higher (Otsu on MRI tends
     * to split tissue from fluid, not air from tissue). Air in MR is noise near zero; dark
     * tissue (cortex, ligaments, fat on STIR) keeps more than that.
     */
    static double bodyThreshold(double[] sorted) {
        int n = sorted.length;
        double min = sorted[0];
        double top = sorted[(int) Math.ceil((n - 1) * 0.995)];
        if (!(top > min)) return min;
        int bins = 256;
        long[] hist = new long[bins];
        double scale = bins / (top - min);
        for (double x : sorted) {
            int b = (int) ((x - min) * scale);
            hist[Math.max(0, Math.min(bins - 1, b))]++;
        }
        double total = n, sumAll = 0;
        for (int b = 0; b < bins; b++) sumAll += b * (double) hist[b];
        double sumB = 0, wB = 0, best = -1;
        int bestBin = 0;
        for (int b = 0; b < bins; b++) {
            wB += hist[b];
            if (wB == 0) continue;
            double wF = total - wB;
            if (wF == 0) break;
            sumB += b * (double) hist[b];
            double mB = sumB / wB, mF = (sumAll - sumB) / wF;
            double between = wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                bestBin = b;
            }
        }
        double otsu = min + (bestBin + 1) / scale;
        return Math.min(otsu, min + 0.1 * (top - min));
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Physical values of the valid slices, evenly subsampled to at most {@link #MAX_SAMPLES}. */
    private static double[] sample(Volume v) {
        if (v.type() == VoxelType.RGB) return new double[0];
        long count = 0;
        for (int k = 0; k < v.depth(); k++) if (v.isValidSlice(k)) count += (long) v.width() * v.height();
        int step = (int) Math.max(1, (count + MAX_SAMPLES - 1) / MAX_SAMPLES);
        double[] out = new double[(int) Math.min(Integer.MAX_VALUE - 8, count / step + v.depth())];
        int n = 0;
        int plane = v.width() * v.height();
        long g = 0;
        for (int k = 0; k < v.depth(); k++) {
            if (!v.isValidSlice(k)) continue;
            for (int idx = 0; idx < plane; idx++, g++) {
                if (g % step == 0 && n < out.length) out[n++] = v.value(idx % v.width(), idx / v.width(), k);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        return id;
    }
}
