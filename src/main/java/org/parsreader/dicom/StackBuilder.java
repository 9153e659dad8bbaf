package org.parsreader.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the image instances of one series into geometric stacks and sorts each by position
 * along its normal. A series is split by orientation, matrix, pixel spacing, frame of
 * reference and localizer image type, and (when positions repeat) by acquisition number and
 * echo time. What still does not fit one grid is left out of it, each time with a warning
 * that names the file and why: an image without a usable position in a stack whose other
 * images have one, and all but one image at a position that two files share.
 */
final class StackBuilder {
    /** Two slice positions closer than this (mm) are the same position. */
    static final double SAME_POSITION_MM = 0.01;
    /** A gap may differ from the median spacing by this fraction and still be regular. */
    static final double SPACING_TOLERANCE = 0.02;
    /** How the stack's note on gantry tilt starts (informational: the geometry keeps the shear exactly). */
    static final String TILT_NOTE = "slices are sheared by";
    /** Files named in one warning before "and N more". */
    private static final int NAMED = 3;

    private StackBuilder() {}

    /** What makes images belong to one grid; a component that differs splits a series. */
    private record Key(String orientation, String matrix, String spacing, String frameOfReference, boolean localizer) {
        // equals and hashCode written out: a record's own are linked through method handles on
        // first use, which in a cold JVM cost more than grouping the 400 frames of a CT (issue 16)
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && localizer == k.localizer && java.util.Objects.equals(orientation, k.orientation)
                    && java.util.Objects.equals(matrix, k.matrix) && java.util.Objects.equals(spacing, k.spacing)
                    && java.util.Objects.equals(frameOfReference, k.frameOfReference);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(orientation, matrix, spacing, frameOfReference, localizer);
        }

        /** The attributes in which {@code other} differs from this, as a user would look them up. */
        List<String> differences(Key other) {
            List<String> d = new ArrayList<>();
            if (!orientation.equals(other.orientation)) d.add("ImageOrientationPatient");
            if (!matrix.equals(other.matrix)) d.add("Rows/Columns");
            if (!spacing.equals(other.spacing)) d.add("PixelSpacing");
            if (!frameOfReference.equals(other.frameOfReference)) d.add("FrameOfReferenceUID");
            return d;
        }
    }

    /** One stack to be: its grouping key and its frames. */
    private record Part(Key key, List<StackFrame> frames) {}

    // The comparators of every open written out as classes rather than Comparator.comparing
    // chains: in a cold JVM each lambda of a chain is a class spun at its first use (issue 16).

    /** Non-localizers first, then the stack with more frames. */
    private static final Comparator<Part> BIGGEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Part a, Part b) {
            int c = Boolean.compare(a.key().localizer(), b.key().localizer());
            return c != 0 ? c : Integer.compare(b.frames().size(), a.frames().size());
        }
    };

    /** Along the normal, then InstanceNumber, then frame. */
    private static final Comparator<StackFrame> BY_POSITION = new Comparator<>() {
        @Override
        public int compare(StackFrame a, StackFrame b) {
            int c = Double.compare(a.position(), b.position());
            if (c == 0) c = Integer.compare(a.instance().instanceNumber(), b.instance().instanceNumber());
            return c != 0 ? c : Integer.compare(a.frameIndex(), b.frameIndex());
        }
    };

    static List<ImageStack> build(InstanceHeader.SeriesInfo series, List<InstanceHeader> instances) {
        return build(series, instances, Map.of());
    }

    /**
     * @param copies files left out because they repeat the SOP Instance UID of a kept instance
     *               (by kept instance): the stack holding the kept one says so
     */
    static List<ImageStack> build(InstanceHeader.SeriesInfo series, List<InstanceHeader> instances,
                                  Map<InstanceHeader, List<Path>> copies) {
        Map<Key, List<StackFrame>> groups = new LinkedHashMap<>();
        for (InstanceHeader h : instances) {
            for (int f = 0; f < h.frames().size(); f++) {
                FrameGeometry g = h.frames().get(f);
                Key key = key(h, g);
                List<StackFrame> group = groups.get(key); // not computeIfAbsent: no lambda to link in a cold JVM (issue 16)
                if (group == null) groups.put(key, group = new ArrayList<>());
                group.add(new StackFrame(h, f, g, Double.NaN));
            }
        }
        List<Part> split = new ArrayList<>();
        for (var e : groups.entrySet()) for (List<StackFrame> p : splitRepeats(e.getValue())) split.add(new Part(e.getKey(), p));
        split.sort(BIGGEST_FIRST);
        List<ImageStack> stacks = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            String id = split.size() == 1 ? series.uid() : series.uid() + "#" + (i + 1);
            List<String> notes = new ArrayList<>();
            List<ImageStack.LeftOut> splitOff = new ArrayList<>();
            if (!split.get(i).key().localizer()) {
                for (int j = 0; j < split.size(); j++) {
                    if (j == i || split.get(j).key().localizer()) continue;
                    List<String> diff = split.get(i).key().differences(split.get(j).key());
                    if (diff.isEmpty()) continue;
                    notes.add(splitNote(split.get(i), split.get(j), diff, j + 1));
                    if (i == 0) {
                        double[] normal = split.get(0).frames().get(0).geometry().normal();
                        for (StackFrame f : split.get(j).frames()) {
                            double[] p = f.geometry().position();
                            splitOff.add(new ImageStack.LeftOut(f.instance().file(), f.frameIndex(),
                                    normal != null && p != null ? Vec.dot(p, normal) : Double.NaN,
                                    "split off into stack #" + (j + 1) + " (its " + String.join(", ", diff) + (diff.size() == 1 ? " differs)" : " differ)")));
                        }
                    }
                }
            }
            stacks.add(describe(id, series, split.get(i).frames(), notes, splitOff, copies));
        }
        return stacks;
    }

    private static String splitNote(Part self, Part other, List<String> diff, int otherIndex) {
        List<StackFrame> mine = self.frames();
        List<StackFrame> theirs = other.frames();
        StringBuilder b = new StringBuilder();
        b.append(theirs.size() == 1 ? "1 image" : theirs.size() + " images").append(" of this series (")
                .append(files(theirs)).append(") ").append(theirs.size() == 1 ? "is" : "are")
                .append(" in stack #").append(otherIndex).append(", not here: ");
        List<String> what = new ArrayList<>();
        for (String d : diff) what.add(d + " " + value(theirs.get(0), d) + " there, " + value(mine.get(0), d) + " here");
        b.append(String.join("; ", what));
        return b.toString();
    }

    private static String value(StackFrame f, String attribute) {
        FrameGeometry g = f.geometry();
        PixelFormat p = f.instance().pixelFormat();
        return switch (attribute) {
            case "ImageOrientationPatient" -> g.orientation() == null ? "(none)" : dsList(g.orientation());
            case "Rows/Columns" -> p.rows() + "x" + p.columns();
            case "PixelSpacing" -> g.pixelSpacing() == null ? "(none)" : dsList(g.pixelSpacing());
            default -> f.instance().series().frameOfReferenceUid().isEmpty() ? "(none)" : f.instance().series().frameOfReferenceUid();
        };
    }

    private static String dsList(double[] d) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            if (i > 0) b.append('\\');
            b.append(d[i] == Math.rint(d[i]) && Math.abs(d[i]) < 1e9 ? Long.toString((long) d[i]) : Double.toString(d[i]));
        }
        return b.toString();
    }

    private static String files(List<StackFrame> frames) {
        List<String> names = new ArrayList<>();
        java.util.Set<InstanceHeader> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        int more = 0;
        for (StackFrame f : frames) {
            if (!seen.add(f.instance())) continue;
            if (names.size() < NAMED) names.add(f.instance().file().getFileName().toString());
            else more++;
        }
        return String.join(", ", names) + (more > 0 ? " and " + more + " more" : "");
    }

    private static Key key(InstanceHeader h, FrameGeometry g) {
        String orientation;
        if (g.orientation() != null && g.orientation().length == 6) {
            StringBuilder k = new StringBuilder(32);
            for (double v : g.orientation()) k.append(Math.round(v * 1000)).append(','); // same plane within 0.001
            orientation = k.toString();
        } else {
            orientation = "none";
        }
        String spacing;
        if (g.pixelSpacing() == null) spacing = "none";
        else if (!g.hasUsablePixelSpacing()) spacing = "unusable";
        else spacing = Math.round(g.pixelSpacing()[0] * 1000) + "," + Math.round(g.pixelSpacing()[1] * 1000); // within 0.001 mm
        PixelFormat p = h.pixelFormat();
        return new Key(orientation, p.rows() + "x" + p.columns() + "x" + p.samplesPerPixel(), spacing,
                h.series().frameOfReferenceUid(), h.isLocalizer());
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
        // loops, not streams, on the path of every open: in a cold JVM (a command-line run, the
        // first Open Study) each stream operation loads its own classes (issue 16)
        double[] p = new double[frames.size()];
        int n = 0;
        for (StackFrame f : frames) if (!Double.isNaN(f.position())) p[n++] = f.position();
        java.util.Arrays.sort(p, 0, n);
        int dup = 0;
        for (int i = 1; i < n; i++) if (p[i] - p[i - 1] < SAME_POSITION_MM) dup++;
        return dup;
    }

    private static ImageStack describe(String id, InstanceHeader.SeriesInfo series, List<StackFrame> unsorted, List<String> notes,
                                       List<ImageStack.LeftOut> leftOut, Map<InstanceHeader, List<Path>> copies) {
        List<String> warnings = new ArrayList<>();
        leftOut = new ArrayList<>(leftOut);
        List<StackFrame> frames = new ArrayList<>(unsorted.size());
        List<StackFrame> unplaced = new ArrayList<>();
        for (StackFrame f : unsorted) (Double.isNaN(f.position()) ? unplaced : frames).add(f);
        boolean havePositions = !frames.isEmpty();
        if (!havePositions) {
            frames = new ArrayList<>(unplaced);
            frames.sort(Comparator.comparingInt((StackFrame f) -> f.instance().instanceNumber()).thenComparingInt(StackFrame::frameIndex));
            if (frames.size() > 1) warnings.add("no ImagePositionPatient/ImageOrientationPatient: slices ordered by InstanceNumber, geometry unknown");
        } else {
            frames.sort(BY_POSITION);
            if (!unplaced.isEmpty()) {
                // one image without a usable position must not turn the whole stack into an InstanceNumber-ordered guess
                for (StackFrame f : unplaced) {
                    String why = f.geometry().problem() != null && f.geometry().problem().contains("ImagePositionPatient")
                            ? f.geometry().problem() : "no ImagePositionPatient (0020,0032), unlike the rest of the stack";
                    leftOut.add(new ImageStack.LeftOut(f.instance().file(), f.frameIndex(), Double.NaN, why));
                    warnings.add(f.instance().file().getFileName() + frameLabel(f) + ": " + why
                            + "; left out of the stack (it cannot be placed), its position shows as missing");
                }
            }
            frames = dropRepeatedPositions(frames, warnings, leftOut);
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
                List<Double> sorted = new ArrayList<>(gaps);
                java.util.Collections.sort(sorted);
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
            if (duplicates > 0) warnings.add(duplicates + " slice position(s) occur more than once within one file (frames at one position)");
            if (missing > 0) warnings.add(missing + " slice(s) missing: gaps of whole multiples of the " + fmt(spacing) + " mm spacing");
            else if (!regular) warnings.add("irregular slice spacing (median " + fmt(spacing) + " mm)");
            if (tilt > 0.5) warnings.add(String.format(Locale.ROOT, TILT_NOTE + " %.1f degrees (gantry tilt)", tilt));
        }
        for (ImageStack.LeftOut l : leftOut) if (l.reason().startsWith("another image at this position")) duplicates++;
        double headerTilt = first.acquisition().gantryTilt();
        if (frames.size() > 1 && !Double.isNaN(headerTilt) && Math.abs(headerTilt) > 0.5 && (Double.isNaN(tilt) || Math.abs(Math.abs(headerTilt) - tilt) > 1.0)) {
            warnings.add(String.format(Locale.ROOT, "GantryDetectorTilt says %.1f degrees but the geometry shows %s", headerTilt,
                    Double.isNaN(tilt) ? "no tilt" : String.format(Locale.ROOT, "%.1f", tilt)));
        }
        if (g0.pixelSpacing() == null && !first.isLocalizer()) {
            warnings.add("no PixelSpacing (0028,0030): distances, areas and volumes assume 1 mm pixels");
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
        java.util.Set<InstanceHeader> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (StackFrame f : frames) {
            InstanceHeader h = f.instance();
            if (!seen.add(h)) continue;
            for (String w : h.warnings()) warnings.add(h.file().getFileName() + ": " + w);
            for (Path copy : copies.getOrDefault(h, List.of())) {
                warnings.add(copy.getFileName() + ": same SOP Instance UID as " + h.file().getFileName()
                        + " (a copy of the same image); " + h.file().getFileName() + " kept");
            }
        }
        List<String> bad = new ArrayList<>();
        for (StackFrame f : frames) {
            if (f.geometry().problem() != null) bad.add(f.instance().file().getFileName() + frameLabel(f) + ": " + f.geometry().problem());
        }
        addNamed(warnings, bad, "more slices with unusable attributes");
        warnings.addAll(notes);
        String lossy = lossyWarning(frames);
        if (lossy != null) warnings.add(lossy);
        return new ImageStack(id, series, Orientation.of(g0.normal()), SequenceClassifier.classify(first),
                List.copyOf(frames), first.pixelFormat().rows(), first.pixelFormat().columns(), g0.pixelSpacing(),
                spacing, regular, missing, duplicates, Double.isNaN(tilt) ? 0 : tilt, headerTilt, ctdi, dlp,
                first.isLocalizer(), List.copyOf(warnings), List.copyOf(leftOut));
    }

    /**
     * Keeps one image per position when different files share one (frames of one multi-frame
     * file at one position are a time series and stay). The later acquisition is kept (a repeat
     * replaces what it repeats), then the higher InstanceNumber, then the later file name; the
     * others are left out with a warning naming both files.
     */
    private static List<StackFrame> dropRepeatedPositions(List<StackFrame> sorted, List<String> warnings, List<ImageStack.LeftOut> leftOut) {
        List<StackFrame> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).position() - sorted.get(i).position() < SAME_POSITION_MM) j++;
            List<StackFrame> run = sorted.subList(i, j);
            if (run.size() == 1 || run.stream().allMatch(f -> f.instance() == run.get(0).instance())) {
                out.addAll(run);
            } else {
                StackFrame keep = run.stream().max(Comparator.comparing((StackFrame f) -> f.instance().acquisitionTime())
                        .thenComparingInt(f -> f.instance().instanceNumber())
                        .thenComparing(f -> f.instance().file().toString())).orElseThrow();
                String why = reasonKept(keep, run);
                out.add(keep);
                for (StackFrame f : run) {
                    if (f == keep) continue;
                    leftOut.add(new ImageStack.LeftOut(f.instance().file(), f.frameIndex(), f.position(),
                            "another image at this position (" + keep.instance().file().getFileName() + ") was kept"));
                    warnings.add(String.format(Locale.ROOT, "%s%s and %s%s are both at %.2f mm along the normal: %s kept (%s), %s left out",
                            f.instance().file().getFileName(), frameLabel(f), keep.instance().file().getFileName(), frameLabel(keep),
                            keep.position(), keep.instance().file().getFileName(), why, f.instance().file().getFileName()));
                }
            }
            i = j;
        }
        return out;
    }

    private static String reasonKept(StackFrame keep, List<StackFrame> run) {
        boolean laterTime = run.stream().anyMatch(f -> f != keep && f.instance().acquisitionTime().compareTo(keep.instance().acquisitionTime()) < 0);
        if (laterTime) return "later AcquisitionTime " + keep.instance().acquisitionTime();
        boolean higherNumber = run.stream().anyMatch(f -> f != keep && f.instance().instanceNumber() < keep.instance().instanceNumber());
        if (higherNumber) return "higher InstanceNumber " + keep.instance().instanceNumber() + ", a repeat of the slice";
        return "same acquisition time and InstanceNumber; the later file name";
    }

    private static String frameLabel(StackFrame f) {
        return f.instance().frames().size() > 1 ? " frame " + (f.frameIndex() + 1) : "";
    }

    private static void addNamed(List<String> warnings, List<String> items, String more) {
        for (int i = 0; i < Math.min(NAMED, items.size()); i++) warnings.add(items.get(i));
        if (items.size() > NAMED) warnings.add("and " + (items.size() - NAMED) + " " + more);
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
