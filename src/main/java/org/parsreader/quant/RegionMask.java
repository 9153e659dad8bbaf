package org.parsreader.quant;

import java.util.ArrayList;
import java.util.List;

/**
 * A region on a volume's voxel grid: one byte per voxel at most, and only for slices the
 * region (or the bone model's look-ups around it) touches, so a small region on a 400-slice
 * CT costs a few slices of bytes. The low two bits of a voxel's byte say whether the growing
 * visited it and whether it is in the region; the higher bits cache the bone model's answers
 * for that voxel ({@link BoneModel}), so the model costs no memory of its own.
 */
public final class RegionMask {
    private final int width;
    private final int height;
    private final byte[][] slices;

    RegionMask(int width, int height, int depth) {
        this.width = width;
        this.height = height;
        this.slices = new byte[depth][];
    }

    /** Whether the growing has visited (i, j, k). */
    boolean get(int i, int j, int k) {
        byte[] s = slices[k];
        return s != null && (s[j * width + i] & STATE) != 0;
    }

    /** Sets the growing state (IN or OUT), keeping the cached bits. */
    void set(int i, int j, int k, byte value) {
        byte[] s = slices[k];
        if (s == null) s = slices[k] = new byte[width * height];
        int p = j * width + i;
        s[p] = (byte) ((s[p] & ~STATE) | value);
    }

    /** The whole byte of (i, j, k): state and cached bits (0 when the slice was never touched). */
    int raw(int i, int j, int k) {
        byte[] s = slices[k];
        return s == null ? 0 : s[j * width + i] & 0xFF;
    }

    /** Sets cache bits of (i, j, k). */
    void mark(int i, int j, int k, int bits) {
        byte[] s = slices[k];
        if (s == null) s = slices[k] = new byte[width * height];
        int p = j * width + i;
        s[p] = (byte) (s[p] | bits);
    }

    public int width() { return width; }

    public int height() { return height; }

    public int depth() { return slices.length; }

    /** Whether slice k holds any voxel of the region (slices it never touched can be skipped). */
    public boolean touches(int k) {
        return slices[k] != null;
    }

    /** Whether voxel (i, j, k) is in the region. */
    public boolean contains(int i, int j, int k) {
        byte[] s = slices[k];
        return s != null && (s[j * width + i] & STATE) == IN;
    }

    /** Number of voxels in the region. */
    public int count() {
        int n = 0;
        for (byte[] s : slices) {
            if (s == null) continue;
            for (byte b : s) if ((b & STATE) == IN) n++;
        }
        return n;
    }

    static final byte IN = 1;
    static final byte OUT = 2;
    static final int STATE = 3;

    /** Run lengths over the grid (i fastest, then j, then k), alternating outside/inside, starting outside. */
    public int[] runs() {
        List<Integer> runs = new ArrayList<>();
        boolean inside = false;
        int run = 0;
        for (int k = 0; k < slices.length; k++) {
            for (int p = 0; p < width * height; p++) {
                boolean in = slices[k] != null && (slices[k][p] & STATE) == IN;
                if (in != inside) {
                    runs.add(run);
                    run = 0;
                    inside = in;
                }
                run++;
            }
        }
        runs.add(run);
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }
}
