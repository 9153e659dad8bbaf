package org.parsreader.quant;

import java.util.ArrayList;
import java.util.List;

/**
 * A region on a volume's voxel grid: one byte per voxel at most, and only for slices the
 * region touches (so a small region on a 400-slice CT costs a few slices of bytes).
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

    boolean get(int i, int j, int k) {
        byte[] s = slices[k];
        return s != null && s[j * width + i] != 0;
    }

    void set(int i, int j, int k, byte value) {
        byte[] s = slices[k];
        if (s == null) s = slices[k] = new byte[width * height];
        s[j * width + i] = value;
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
        return s != null && s[j * width + i] == IN;
    }

    static final byte IN = 1;
    static final byte OUT = 2;

    /** Run lengths over the grid (i fastest, then j, then k), alternating outside/inside, starting outside. */
    public int[] runs() {
        List<Integer> runs = new ArrayList<>();
        boolean inside = false;
        int run = 0;
        for (int k = 0; k < slices.length; k++) {
            for (int p = 0; p < width * height; p++) {
                boolean in = slices[k] != null && slices[k][p] == IN;
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
