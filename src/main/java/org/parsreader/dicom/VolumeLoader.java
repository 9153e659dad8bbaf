package org.parsreader.dicom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.parsreader.util.Parallel;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/**
 * Loads an {@link ImageStack} into a calibrated {@link Volume}, decoding files in parallel.
 * A slice whose file cannot be decoded, or a position missing from a regular series, becomes
 * a marked placeholder, so the rest opens and the geometry stays exact.
 *
 * <pre>{@code
 * Volume v = VolumeLoader.load(index.findStack(seriesUid).orElseThrow(), ProgressListener.NONE);
 * double hu = v.value(256, 256, 10);
 * }</pre>
 */
public final class VolumeLoader {
    private VolumeLoader() {}

    public static Volume load(ImageStack stack) {
        return load(stack, ProgressListener.NONE);
    }

    public static Volume load(ImageStack stack, ProgressListener progress) {
        return load(stack, progress, Parallel.loadThreads());
    }

    public static Volume load(ImageStack stack, ProgressListener progress, int threads) {
        return load(stack, progress, threads, null);
    }

    /**
     * Told of each decoded slice on the thread that decoded it, after every frame of its file
     * decoded and converted, before the volume is built: slice index, storage type, the
     * slice's array (the volume's own; read it, do not keep or change it).
     */
    @FunctionalInterface
    public interface SliceListener {
        void decoded(int slice, VoxelType type, Object array);
    }

    /** As {@link #load(ImageStack, ProgressListener, int)}, telling {@code listener} (may be null) of each decoded slice. */
    public static Volume load(ImageStack stack, ProgressListener progress, int threads, SliceListener listener) {
        refuseUnusable(stack);
        List<StackFrame> slots = withPlaceholders(stack);
        Layout layout = Layout.of(stack);
        int n = slots.size();
        int w = stack.columns();
        int h = stack.rows();
        MemoryCheck.volume(stack.first().file(), w, h, n, layout.type.bytesPerVoxel());
        Object[] data = new Object[n];
        String[] problems = new String[n];
        for (int k = 0; k < n; k++) {
            StackFrame f = slots.get(k);
            if (f == null) problems[k] = gapReason(stack, slots, k);
            else if (f.geometry().calibrationBad()) problems[k] = f.geometry().problem();
        }

        Map<InstanceHeader, List<Integer>> byFile = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            StackFrame f = slots.get(k);
            if (f == null || problems[k] != null) continue;
            List<Integer> ks = byFile.get(f.instance()); // not computeIfAbsent: no lambda to link in a cold JVM (issue 16)
            if (ks == null) byFile.put(f.instance(), ks = new ArrayList<>());
            ks.add(k);
        }
        int toRead = 0;
        for (List<Integer> ks : byFile.values()) toRead += ks.size();
        AtomicLong done = new AtomicLong(n - toRead);
        List<String> decodeNotes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (var e : byFile.entrySet()) {
            tasks.add(new java.util.concurrent.Callable<>() { // a class, not a lambda: no call site to link in a cold JVM (issue 16)
                @Override
                public Void call() {
                    List<Integer> ks = e.getValue();
                    int[] frames = new int[ks.size()];
                    for (int i = 0; i < frames.length; i++) frames[i] = slots.get(ks.get(i)).frameIndex();
                    try {
                        PixelDecoder.Decoded d = PixelDecoder.decode(e.getKey(), frames);
                        if (d.warning() != null) decodeNotes.add(e.getKey().file().getFileName() + ": " + d.warning());
                        for (int i = 0; i < ks.size(); i++) {
                            int k = ks.get(i);
                            data[k] = layout.convert(d.frames()[i], e.getKey().pixelFormat(), d.photometric(), slots.get(k).geometry());
                        }
                    } catch (DicomReadException ex) {
                        for (int k : ks) problems[k] = ex.reason();
                    } catch (RuntimeException | OutOfMemoryError ex) {
                        for (int k : ks) problems[k] = "cannot decode: " + HeaderReader.describe(ex);
                    }
                    // outside the try: the listener's own failure is not a slice that cannot be decoded
                    if (listener != null && problems[ks.get(0)] == null) for (int k : ks) listener.decoded(k, layout.type, data[k]);
                    progress.progress(done.addAndGet(ks.size()), n, "Loading " + stack.series().description());
                    return null;
                }
            });
        }
        Parallel.run(tasks, threads, "pars-load");

        List<Volume.SliceInfo> infos = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            StackFrame f = slots.get(k);
            if (problems[k] != null) data[k] = layout.placeholder(w * h);
            infos.add(new Volume.SliceInfo(f == null ? null : f.instance().file(), f == null ? -1 : f.frameIndex(),
                    f == null ? null : f.instance().sopInstanceUid(), problems[k]));
        }
        return new Volume(name(stack), w, h, layout.type, data, layout.slope, layout.intercept, unit(stack),
                geometry(stack, slots), infos, window(stack), stack.first().pixelFormat().isMonochrome1())
                .withSource(stack.series().uid(), stack.series().frameOfReferenceUid())
                .withWarnings(warnings(stack, slots, problems, decodeNotes));
    }

    /**
     * A stack whose every slice has an unusable PixelSpacing (NaN, zero, negative, text) is
     * refused: every distance, area and volume measured on it would be wrong.
     */
    private static void refuseUnusable(ImageStack stack) {
        FrameGeometry g0 = stack.frames().get(0).geometry();
        if (g0.pixelSpacing() != null && !g0.hasUsablePixelSpacing()) {
            throw new DicomReadException(stack.first().file(), g0.problem() + " in all " + stack.size()
                    + " slice(s) of this stack: refusing to load it, every distance, area and volume would be wrong");
        }
    }

    /** The stack's warnings, then one line per bad slice (the first few), then what decoding noted. */
    private static List<String> warnings(ImageStack stack, List<StackFrame> slots, String[] problems, List<String> decodeNotes) {
        java.util.Set<String> restated = new java.util.HashSet<>();
        for (int k = 0; k < problems.length; k++) {
            StackFrame f = slots.get(k);
            if (f != null && problems[k] != null) restated.add(f.instance().file().getFileName() + ": " + problems[k]);
        }
        List<String> out = new ArrayList<>();
        for (String w : stack.warnings()) {
            // gantry tilt is kept exactly in the geometry: no caveat on any number; a bad slice is said once, below
            if (!w.startsWith(StackBuilder.TILT_NOTE) && !restated.contains(w)) out.add(w);
        }
        List<String> bad = new ArrayList<>();
        for (int k = 0; k < problems.length; k++) {
            if (problems[k] == null) continue;
            StackFrame f = slots.get(k);
            if (f == null && stack.missingSlices() > 0 && problems[k].startsWith(MISSING)) continue; // the stack already says so
            bad.add("slice " + (k + 1) + " of " + problems.length + (f == null ? "" : " (" + f.instance().file().getFileName() + ")")
                    + " is left out of every measurement: " + problems[k]);
        }
        for (int i = 0; i < Math.min(5, bad.size()); i++) out.add(bad.get(i));
        if (bad.size() > 5) out.add("and " + (bad.size() - 5) + " more slices left out of every measurement");
        List<String> notes = new ArrayList<>(new java.util.TreeSet<>(decodeNotes));
        for (int i = 0; i < Math.min(5, notes.size()); i++) out.add(notes.get(i));
        if (notes.size() > 5) out.add("and " + (notes.size() - 5) + " more files with the same kind of note");
        return out;
    }

    private static final String MISSING = "no file at this position";

    /** Why slot {@code k} (a gap) is empty: the image left out at its position when there is one. */
    private static String gapReason(ImageStack stack, List<StackFrame> slots, int k) {
        StackFrame before = null;
        int steps = 0;
        for (int i = k - 1; i >= 0 && before == null; i--, steps++) before = slots.get(i);
        if (before != null && !Double.isNaN(stack.sliceSpacing())) {
            double at = before.position() + (steps) * stack.sliceSpacing();
            for (ImageStack.LeftOut l : stack.leftOut()) {
                if (!Double.isNaN(l.position()) && Math.abs(l.position() - at) <= Math.max(0.05, StackBuilder.SPACING_TOLERANCE * stack.sliceSpacing())) {
                    return l.file().getFileName() + " belongs here but was " + l.reason();
                }
            }
        }
        return MISSING + " (missing slice)";
    }

    /**
     * The stack's frames with null where a whole-multiple gap shows a missing slice. A sparse
     * stack (more missing than a quarter of its slices) is not filled: its volume uses the mean
     * step, and the stack's warning says the spacing is irregular.
     */
    public static List<StackFrame> withPlaceholders(ImageStack stack) {
        List<StackFrame> frames = stack.frames();
        List<StackFrame> out = new ArrayList<>(frames.size() + stack.missingSlices());
        double spacing = stack.sliceSpacing();
        boolean fill = stack.missingSlices() > 0 && stack.missingSlices() <= Math.max(2, frames.size() / 4);
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0 && fill) {
                double gap = frames.get(i).position() - frames.get(i - 1).position();
                long k = Math.round(gap / spacing);
                if (k >= 2 && Math.abs(gap - k * spacing) <= Math.max(0.05, StackBuilder.SPACING_TOLERANCE * spacing)) {
                    for (int m = 1; m < k; m++) out.add(null);
                }
            }
            out.add(frames.get(i));
        }
        return out;
    }

    /** The voxel grid a stack loads onto (missing slices as placeholders), without reading pixels: what a mask on this series is indexed by. */
    public static VoxelGeometry geometryOf(ImageStack stack) {
        return geometry(stack, withPlaceholders(stack));
    }

    static VoxelGeometry geometry(ImageStack stack, List<StackFrame> slots) {
        FrameGeometry g0 = stack.frames().get(0).geometry();
        double[] ps = g0.pixelSpacing() != null && g0.pixelSpacing().length >= 2 ? g0.pixelSpacing() : new double[] {1, 1};
        if (!g0.hasPosition()) {
            double dz = !Double.isNaN(stack.sliceSpacing()) ? stack.sliceSpacing()
                    : Double.isNaN(g0.sliceThickness()) ? 1 : g0.sliceThickness();
            return VoxelGeometry.unknown(ps[1], ps[0], dz);
        }
        double[] o = g0.orientation();
        double[] rowDir = {o[0], o[1], o[2]};
        double[] colDir = {o[3], o[4], o[5]};
        double[] sliceStep;
        StackFrame last = stack.frames().get(stack.frames().size() - 1);
        if (slots.size() > 1 && last.geometry().hasPosition()) {
            sliceStep = Vec.scale(Vec.sub(last.geometry().position(), g0.position()), 1.0 / (slots.size() - 1));
        } else {
            double t = !Double.isNaN(stack.first().acquisition().spacingBetweenSlices()) ? stack.first().acquisition().spacingBetweenSlices()
                    : Double.isNaN(g0.sliceThickness()) ? 1 : g0.sliceThickness();
            sliceStep = Vec.scale(g0.normal(), t);
        }
        return new VoxelGeometry(g0.position().clone(), Vec.scale(rowDir, ps[1]), Vec.scale(colDir, ps[0]), sliceStep);
    }

    private static String name(ImageStack s) {
        String d = s.series().description().isEmpty() ? s.modality() : s.series().description();
        return s.series().number() > 0 ? d + " (series " + s.series().number() + ")" : d;
    }

    private static String unit(ImageStack s) {
        return "CT".equals(s.modality()) ? "HU" : "";
    }

    private static double[] window(ImageStack s) {
        return s.first().window();
    }
}
