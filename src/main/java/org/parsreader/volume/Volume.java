package org.parsreader.volume;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A calibrated 3D image: one primitive array per slice ({@code byte[]}, {@code short[]},
 * {@code float[]} or {@code int[]} by {@link #type()}), a linear calibration from stored to
 * physical values (Hounsfield units for CT), and the exact voxel&lt;-&gt;patient transform.
 * The arrays are shared, never copied, by the ImageJ and imglib2 views.
 *
 * <p>A slice that could not be read (a damaged file, a missing position in the series) is a
 * placeholder filled with the lowest stored value and marked in {@link #slices()} with its
 * problem; statistics skip it. No unreadable data is ever presented as zeros.
 */
public final class Volume {
    /** Provenance of one slice; {@code problem} is non-null for a placeholder. */
    public record SliceInfo(Path file, int frame, String sopInstanceUid, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    private final String name;
    private final int width;
    private final int height;
    private final VoxelType type;
    private final Object[] data;
    private final double slope;
    private final double intercept;
    private final String unit;
    private final VoxelGeometry geometry;
    private final List<SliceInfo> slices;
    private final double[] window;
    private final boolean invertedDisplay;
    private String seriesInstanceUid = "";
    private String frameOfReferenceUid = "";
    private List<String> warnings = List.of();

    /**
     * @param data      one array per slice, each of length width*height, of the type's array class
     * @param slope     physical = slope * stored + intercept
     * @param unit      physical unit, "HU" for CT, "" when none
     * @param window    default display window [centre, width] in physical units, or null
     */
    public Volume(String name, int width, int height, VoxelType type, Object[] data, double slope, double intercept,
                  String unit, VoxelGeometry geometry, List<SliceInfo> slices, double[] window, boolean invertedDisplay) {
        this.name = Objects.requireNonNull(name);
        this.width = width;
        this.height = height;
        this.type = type;
        this.data = data;
        this.slope = slope;
        this.intercept = intercept;
        this.unit = unit == null ? "" : unit;
        this.geometry = geometry;
        this.slices = List.copyOf(slices);
        this.window = window;
        this.invertedDisplay = invertedDisplay;
        if (data.length != slices.size()) throw new IllegalArgumentException(data.length + " arrays for " + slices.size() + " slices");
        for (int k = 0; k < data.length; k++) {
            int len = java.lang.reflect.Array.getLength(data[k]);
            if (len != width * height) {
                throw new IllegalArgumentException("slice " + k + " has " + len + " voxels, expected " + width + "x" + height);
            }
        }
    }

    /**
     * Sets where the voxels come from, so that ROIs in patient coordinates can be checked to
     * belong to this volume's frame of reference. Returns this volume.
     */
    public Volume withSource(String seriesInstanceUid, String frameOfReferenceUid) {
        this.seriesInstanceUid = seriesInstanceUid == null ? "" : seriesInstanceUid;
        this.frameOfReferenceUid = frameOfReferenceUid == null ? "" : frameOfReferenceUid;
        return this;
    }

    /**
     * Sets what the user of this volume must know about how it was loaded (slices left out or
     * marked bad and why, irregular spacing, lossy compression...). Returns this volume.
     */
    public Volume withWarnings(List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        return this;
    }

    /**
     * What the user of this volume must know: every output that reports a number measured on
     * it (statistics, contrast volume, the batch manifest, ImageJ's Info) carries these along.
     */
    public List<String> warnings() { return warnings; }

    /** SeriesInstanceUID of the series loaded, "" when unknown. */
    public String seriesInstanceUid() { return seriesInstanceUid; }

    /** FrameOfReferenceUID: volumes sharing it share patient coordinates. "" when unknown. */
    public String frameOfReferenceUid() { return frameOfReferenceUid; }

    public String name() { return name; }
    public int width() { return width; }
    public int height() { return height; }
    public int depth() { return data.length; }
    public VoxelType type() { return type; }
    public double slope() { return slope; }
    public double intercept() { return intercept; }
    public String unit() { return unit; }
    public VoxelGeometry geometry() { return geometry; }
    public List<SliceInfo> slices() { return slices; }
    public boolean invertedDisplay() { return invertedDisplay; }

    /** Default window [centre, width] in physical units, or null. */
    public double[] window() { return window == null ? null : window.clone(); }

    /** The voxel array of slice {@code k} (0-based), shared: writes change the volume. */
    public Object slice(int k) { return data[k]; }

    public long voxelCount() { return (long) width * height * data.length; }

    /** Stored value of voxel (i, j, k); for RGB the luminance-free packed int. */
    public double stored(int i, int j, int k) {
        int idx = j * width + i;
        return switch (type) {
            case UINT8 -> ((byte[]) data[k])[idx] & 0xFF;
            case UINT16 -> ((short[]) data[k])[idx] & 0xFFFF;
            case FLOAT32 -> ((float[]) data[k])[idx];
            case RGB -> ((int[]) data[k])[idx] & 0xFFFFFF;
        };
    }

    /** Physical value (HU for CT) of voxel (i, j, k). */
    public double value(int i, int j, int k) {
        return slope * stored(i, j, k) + intercept;
    }

    public boolean isValidSlice(int k) { return slices.get(k).valid(); }

    public int invalidSliceCount() {
        int bad = 0;
        for (SliceInfo s : slices) if (!s.valid()) bad++;
        return bad;
    }

    /**
     * A copy of the voxels i in [i0, i1), j in [j0, j1), k in [k0, k1), with the same voxel
     * size, calibration and source, and the geometry moved so that every voxel keeps its
     * patient position.
     */
    public Volume crop(int i0, int j0, int k0, int i1, int j1, int k1) {
        if (i0 < 0 || j0 < 0 || k0 < 0 || i1 > width || j1 > height || k1 > depth() || i0 >= i1 || j0 >= j1 || k0 >= k1) {
            throw new IllegalArgumentException(String.format("crop [%d,%d)x[%d,%d)x[%d,%d) is not inside %dx%dx%d",
                    i0, i1, j0, j1, k0, k1, width, height, depth()));
        }
        int w = i1 - i0;
        int h = j1 - j0;
        Object[] out = new Object[k1 - k0];
        for (int k = k0; k < k1; k++) {
            Object src = data[k];
            Object dst = java.lang.reflect.Array.newInstance(src.getClass().getComponentType(), w * h);
            for (int j = j0; j < j1; j++) System.arraycopy(src, j * width + i0, dst, (j - j0) * w, w);
            out[k - k0] = dst;
        }
        VoxelGeometry g = new VoxelGeometry(geometry.toPatient(i0, j0, k0), geometry.columnStep(), geometry.rowStep(), geometry.sliceStep());
        return new Volume(name + " (crop)", w, h, type, out, slope, intercept, unit, g, slices.subList(k0, k1), window, invertedDisplay)
                .withSource(seriesInstanceUid, frameOfReferenceUid).withWarnings(warnings);
    }

    @Override
    public String toString() {
        return String.format("Volume[%s %dx%dx%d %s]", name, width, height, depth(), type);
    }
}
