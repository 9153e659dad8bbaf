package org.parsreader.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a radiology viewer writes around an image, from its geometry alone: the orientation
 * letters at the four edges (patient LPS directions of the image's rows and columns, "A", "P",
 * "L", "R", "S", "I", combined for obliques: "AR"), a scale bar length in round millimetres, the
 * slice position ("slice 12/40, S 45.0 mm") and the window/level line. Pure arithmetic, headless:
 * the viewers ({@code ij.panel.SeriesViewer}) draw what this returns. Written by hand: the rule
 * is a few lines (the one viewers such as Horos and dcm4che use) and no library on the classpath
 * exposes it apart from a DICOM toolkit's UI.
 */
public final class ViewerConventions {
    /**
     * A direction cosine smaller than this does not get a letter: a slice tilted by less than
     * about 11 degrees keeps its plain label ("A", not "AS"), as the usual viewers show it.
     */
    public static final double OBLIQUE_THRESHOLD = 0.2;

    private ViewerConventions() {}

    /** The four edge labels of an image: where its top, bottom, left and right edges point in the patient. */
    public record EdgeLabels(String top, String bottom, String left, String right) {}

    /**
     * The letters of patient direction {@code d} (LPS: +x left, +y posterior, +z superior), the
     * strongest component first, components under {@link #OBLIQUE_THRESHOLD} left out; "" for a
     * zero vector.
     */
    public static String letters(double[] d) {
        double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        if (!(len > 0)) return "";
        Integer[] axes = {0, 1, 2};
        java.util.Arrays.sort(axes, (a, b) -> Double.compare(Math.abs(d[b]), Math.abs(d[a])));
        StringBuilder sb = new StringBuilder();
        for (int a : axes) {
            double c = d[a] / len;
            if (Math.abs(c) < OBLIQUE_THRESHOLD) continue;
            sb.append(switch (a) {
                case 0 -> c > 0 ? 'L' : 'R';
                case 1 -> c > 0 ? 'P' : 'A';
                default -> c > 0 ? 'S' : 'I';
            });
        }
        return sb.toString();
    }

    /**
     * The edge labels of an image whose columns advance along {@code rowDirection} (the first three
     * values of DICOM ImageOrientationPatient: left to right on the screen) and whose rows advance
     * along {@code columnDirection} (its last three: top to bottom).
     */
    public static EdgeLabels edges(double[] rowDirection, double[] columnDirection) {
        return new EdgeLabels(letters(neg(columnDirection)), letters(columnDirection), letters(neg(rowDirection)), letters(rowDirection));
    }

    /** {@link #edges(double[], double[])} from the six values of ImageOrientationPatient. */
    public static EdgeLabels edges(double[] imageOrientationPatient) {
        if (imageOrientationPatient == null || imageOrientationPatient.length != 6) {
            throw new IllegalArgumentException("ImageOrientationPatient needs 6 values, got "
                    + (imageOrientationPatient == null ? "none" : imageOrientationPatient.length));
        }
        double[] r = {imageOrientationPatient[0], imageOrientationPatient[1], imageOrientationPatient[2]};
        double[] c = {imageOrientationPatient[3], imageOrientationPatient[4], imageOrientationPatient[5]};
        return edges(r, c);
    }

    /** The edge labels of the slices of {@code g}. */
    public static EdgeLabels edges(VoxelGeometry g) {
        return edges(g.columnStep(), g.rowStep());
    }

    /** "ax", "sag", "cor" for a slice whose normal is closest to S-I, L-R or A-P; "obl" when none is within 30 degrees. */
    public static String plane(VoxelGeometry g) {
        double[] n = g.normal();
        int a = dominant(n);
        if (Math.abs(n[a]) < Math.cos(Math.toRadians(30))) return "obl";
        return switch (a) {
            case 0 -> "sag";
            case 1 -> "cor";
            default -> "ax";
        };
    }

    /**
     * The longest round length (1, 2 or 5 times a power of ten, mm) not longer than {@code maxMm}:
     * the scale bar's length.
     *
     * @throws IllegalArgumentException when {@code maxMm} is not positive
     */
    public static double scaleBarMm(double maxMm) {
        if (!(maxMm > 0) || Double.isInfinite(maxMm)) throw new IllegalArgumentException("scale bar: the room must be a positive length in mm, got " + maxMm);
        double p = Math.pow(10, Math.floor(Math.log10(maxMm)));
        for (double m : new double[] {5, 2, 1}) if (m * p <= maxMm * (1 + 1e-12)) return m * p;
        return p;
    }

    /** "10 mm", "2 cm"... the scale bar's label. */
    public static String scaleLabel(double mm) {
        if (mm >= 10 && Math.abs(mm / 10 - Math.rint(mm / 10)) < 1e-9) return fmt(mm / 10) + " cm";
        return fmt(mm) + " mm";
    }

    /**
     * "slice 12/40  S 45.0 mm": slice {@code k} (0-based) of {@code depth} and where the slice's
     * centre lies on the patient axis closest to the slice normal, with that axis' letter for
     * the side of zero it lies on (I/S for axial slices, R/L sagittal, A/P coronal).
     */
    public static String slicePosition(VoxelGeometry g, int width, int height, int k, int depth) {
        double[] c = g.toPatient((width - 1) / 2.0, (height - 1) / 2.0, k);
        int a = dominant(g.normal());
        double v = c[a];
        char letter = switch (a) {
            case 0 -> v >= 0 ? 'L' : 'R';
            case 1 -> v >= 0 ? 'P' : 'A';
            default -> v >= 0 ? 'S' : 'I';
        };
        return String.format(Locale.ROOT, "slice %d/%d  %c %.1f mm", k + 1, depth, letter, Math.abs(v));
    }

    /** "W 400 L 40" from a display range (in the image's calibrated unit: HU on CT). */
    public static String windowLevel(double min, double max) {
        return "W " + fmt(max - min) + " L " + fmt((max + min) / 2);
    }

    /**
     * A new display range after a window/level drag of ({@code dx}, {@code dy}) screen pixels from
     * range [{@code min}, {@code max}]: right widens the window, down raises the level, as in the
     * usual viewers; {@code perPixel} is the change per pixel (the unit of the range). The window
     * never goes below {@code perPixel}.
     *
     * @return {min, max}
     */
    public static double[] dragWindow(double min, double max, int dx, int dy, double perPixel) {
        double w = Math.max(perPixel, (max - min) + dx * perPixel);
        double l = (max + min) / 2 + dy * perPixel;
        return new double[] {l - w / 2, l + w / 2};
    }

    /** The lines written in the corners: orientation-independent text for the viewer's top-left corner. */
    public static List<String> infoLines(String windowLevel, String slicePosition) {
        List<String> out = new ArrayList<>();
        if (slicePosition != null && !slicePosition.isEmpty()) out.add(slicePosition);
        if (windowLevel != null && !windowLevel.isEmpty()) out.add(windowLevel);
        return out;
    }

    private static int dominant(double[] n) {
        int a = 0;
        for (int i = 1; i < 3; i++) if (Math.abs(n[i]) > Math.abs(n[a])) a = i;
        return a;
    }

    private static double[] neg(double[] d) {
        return new double[] {-d[0], -d[1], -d[2]};
    }

    private static String fmt(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) return String.format(Locale.ROOT, "%d", (long) Math.rint(v));
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
