package org.parsreader.dicom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the image instances of one series into geometric stacks and sorts each by position
 * along its normal. A series is split by orientation, matrix, localizer image type, and
 * (when positions repeat) by acquisition number and echo time.
 */
final class StackBuilder {
    /** Two slice positions closer than this (mm) are the same position. */
    static final double SAME_POSITION_MM = 0.01;
    /** A gap may differ from the median spacing by this fraction and still be regular. */
    static final double SPACING_TOLERANCE = 0.02;

    private StackBuilder() {}

    static List<ImageStack> build(InstanceHeader.SeriesInfo series, List<InstanceHeader> instances) {
        Map<String, List<StackFrame>> groups = new LinkedHashMap<>();
        for (InstanceHeader h : instances) {
            for (int f = 0; f < h.frames().size(); f++) {
                FrameGeometry g = h.frames().get(f);
                groups.computeIfAbsent(groupKey(h, g), k -> new ArrayList<>()).add(new StackFrame(h, f, g, Double.NaN));
            }
        }
        List<List<StackFrame>> split = new ArrayList<>();
        for (List<StackFrame> group : groups.values()) split.addAll(splitRepeats(group));
        split.sort(Comparator.comparingInt((List<StackFrame> l) -> l.get(0).instance().isLocalizer() ? 1 : 0)
                .thenComparing(l -> -l.size()));
        List<ImageStack> stacks = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            String id = split.size() == 1 ? series.uid() : series.uid() + "#" + (i + 1);
            stacks.add(describe(id, series, split.get(i)));
        }
        return stacks;
    }

    private static String groupKey(InstanceHeader h, FrameGeometry g) {
        StringBuilder k = new StringBuilder(64);
        if (g.orientation() != null && g.orientation().length == 6) {
            for (double v : g.orientation()) k.append(Math.round(v * 1000)).append(','); // same plane within 0.001
        } else {
            k.append("no-orientation,");
        }
        PixelFormat p = h.pixelFormat();
        return k.append(p.rows()).append('x').append(p.columns()).append('x').append(p.samplesPerPixel())
                .append(h.isLocalizer() ? ",localizer" : "").toString();
    }


    /** Positions that repeat within a group are separated by acquisition number, then echo time, if that removes the repeats. */
    private static List<List<StackFrame>> splitRepeats(List<StackFrame> group) {
        List<StackFrame> positioned = withPositions(group);
        if (countDuplicates(positioned) == 0) return List.of(positioned);
        for (var key : List.<java.util.function.Function<StackFrame, Object>>of(
                f -> f.instance().acquisitionNumber(),
                f -> f.instance().acquisition().echoTime(),
                f -> f.instance().acquisitionNumber() + "/" + f.instance().acquisition().echoTime())) {
            Map<Object, List<StackFrame>> parts = new LinkedHashMap<>();
            for (StackFrame f : positioned) parts.computeIfAbsent(key.apply(f), x -> new ArrayList<>()).add(f);
            if (parts.size() > 1 && parts.values().stream().allMatch(p -> countDuplicates(p) == 0)) {
                return new ArrayList<>(parts.values());
            }
        }
        return List.of(positioned);
    }

    private static List<StackFrame> withPositions(List<StackFrame> group) {
        double[] normal = group.get(0).geometry().normal();
        List<StackFrame> out = new ArrayList<>(group.size());
        for (StackFrame f : group) {
            double pos = normal != null && f.geometry().position() != null && f.geometry().position().length == 3
                    ? Vec.dot(f.geometry().position(), normal) : Double.NaN;
            out.add(new StackFrame(f.instance(), f.frameIndex(), f.geometry(), pos));
        }
        return out;
    }

    private static int countDuplicates(List<StackFrame> frames) {
        List<Double> p = frames.stream().map(StackFrame::position).filter(d -> !Double.isNaN(d)).sorted().toList();
        int dup = 0;
        for (int i = 1; i < p.size(); i++) if (p.get(i) - p.get(i - 1) < SAME_POSITION_MM) dup++;
        return dup;
    }

    private static ImageStack describe(String id, InstanceHeader.SeriesInfo series, List<StackFrame> unsorted) {
        List<String> warnings = new ArrayList<>();
        boolean havePositions = unsorted.stream().noneMatch(f -> Double.isNaN(f.position()));
        List<StackFrame> frames = new ArrayList<>(unsorted);
        if (havePositions) {
            frames.sort(Comparator.comparingDouble(StackFrame::position).thenComparingInt(f -> f.instance().instanceNumber())
                    .thenComparingInt(StackFrame::frameIndex));
        } else {
            frames.sort(Comparator.comparingInt((StackFrame f) -> f.instance().instanceNumber()).thenComparingInt(StackFrame::frameIndex));
            if (frames.size() > 1) warnings.add("no ImagePositionPatient/ImageOrientationPatient: slices ordered by InstanceNumber, geometry unknown");
        }
        InstanceHeader first = frames.get(0).instance();
        FrameGeometry g0 = frames.get(0).geometry();

        double spacing = Double.NaN;
        boolean regular = true;
        int missing = 0;
        int duplicates = 0;
        double tilt = Double.NaN;
        if (havePositions && frames.size() > 1) {
            List<Double> gaps = new ArrayList<>();
            for (int i = 1; i < frames.size(); i++) {
                double gap = frames.get(i).position() - frames.get(i - 1).position();
                if (gap < SAME_POSITION_MM) duplicates++;
                else gaps.add(gap);
            }
            if (!gaps.isEmpty()) {
                List<Double> sorted = gaps.stream().sorted().toList();
                spacing = sorted.get(sorted.size() / 2);
                for (double gap : gaps) {
                    if (Math.abs(gap - spacing) > Math.max(SAME_POSITION_MM, SPACING_TOLERANCE * spacing)) {
                        regular = false;
                        long k = Math.round(gap / spacing);
                        if (k >= 2 && Math.abs(gap - k * spacing) <= Math.max(0.05, SPACING_TOLERANCE * spacing)) missing += (int) (k - 1);
                    }
                }
                double[] step = Vec.sub(frames.get(frames.size() - 1).geometry().position(), g0.position());
                tilt = Vec.angleDeg(step, g0.normal());
            }
            if (duplicates > 0) warnings.add(duplicates + " slice position(s) occur more than once");
            if (missing > 0) warnings.add(missing + " slice(s) missing: gaps of whole multiples of the " + fmt(spacing) + " mm spacing");
            else if (!regular) warnings.add("irregular slice spacing (median " + fmt(spacing) + " mm)");
            if (tilt > 0.5) warnings.add(String.format(Locale.ROOT, "slices are sheared by %.1f degrees (gantry tilt)", tilt));
        }
        double headerTilt = first.acquisition().gantryTilt();
        if (frames.size() > 1 && !Double.isNaN(headerTilt) && Math.abs(headerTilt) > 0.5 && (Double.isNaN(tilt) || Math.abs(Math.abs(headerTilt) - tilt) > 1.0)) {
            warnings.add(String.format(Locale.ROOT, "GantryDetectorTilt says %.1f degrees but the geometry shows %s", headerTilt,
                    Double.isNaN(tilt) ? "no tilt" : String.format(Locale.ROOT, "%.1f", tilt)));
        }
        double ctdi = Double.NaN;
        for (StackFrame f : frames) {
            double c = f.instance().acquisition().ctdiVol();
            if (!Double.isNaN(c) && (Double.isNaN(ctdi) || c > ctdi)) ctdi = c;
        }
        double dlp = Double.NaN;
        if ("CT".equals(series.modality()) && !Double.isNaN(ctdi)) {
            double thickness = Double.isNaN(g0.sliceThickness()) ? (Double.isNaN(spacing) ? 0 : spacing) : g0.sliceThickness();
            double lengthMm = (havePositions && frames.size() > 1
                    ? frames.get(frames.size() - 1).position() - frames.get(0).position() : 0) + thickness;
            dlp = ctdi * lengthMm / 10.0;
        }
        java.util.Set<InstanceHeader> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (StackFrame f : frames) {
            InstanceHeader h = f.instance();
            if (!h.warnings().isEmpty() && seen.add(h)) for (String w : h.warnings()) warnings.add(h.file().getFileName() + ": " + w);
        }
        String lossy = lossyWarning(frames);
        if (lossy != null) warnings.add(lossy);
        return new ImageStack(id, series, Orientation.of(g0.normal()), SequenceClassifier.classify(first),
                List.copyOf(frames), first.pixelFormat().rows(), first.pixelFormat().columns(), g0.pixelSpacing(),
                spacing, regular, missing, duplicates, Double.isNaN(tilt) ? 0 : tilt, headerTilt, ctdi, dlp,
                first.isLocalizer(), List.copyOf(warnings));
    }

    /** One warning for the stack when any of its files says its pixels were compressed lossily, or null. */
    static String lossyWarning(List<StackFrame> frames) {
        java.util.Map<String, Integer> byReason = new java.util.TreeMap<>();
        java.util.Set<InstanceHeader> files = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (StackFrame f : frames) files.add(f.instance());
        for (InstanceHeader h : files) {
            if (h.lossyCompression() != null && !h.lossyCompression().isEmpty()) byReason.merge(h.lossyCompression(), 1, Integer::sum);
        }
        if (byReason.isEmpty()) return null;
        StringBuilder b = new StringBuilder("lossy compression: ");
        int i = 0;
        for (var e : byReason.entrySet()) {
            if (i++ > 0) b.append("; ");
            b.append(e.getValue()).append(" of ").append(files.size()).append(files.size() == 1 ? " file " : " files ").append(e.getKey());
        }
        return b.append(": pixel values may differ from the acquired ones").toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
