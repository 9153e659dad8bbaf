package org.parsreader.dicom.sr;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import org.parsreader.findings.FindingsDocument;

/** A mask ROI's run lengths as one bit set per slice that holds any voxel (slices without voxels are not kept). */
final class MaskSlices {
    private MaskSlices() {}

    /** Slice index k -> voxels of that slice (bit j*width + i); throws naming the ROI when its runs do not cover its grid. */
    static TreeMap<Integer, BitSet> of(String roiId, FindingsDocument.Mask m) {
        int w = m.dims()[0], h = m.dims()[1], d = m.dims()[2];
        long total = (long) w * h * d;
        long sum = 0;
        for (int r : m.runs()) {
            if (r < 0) throw new SrException("mask of ROI " + roiId + " has a negative run length " + r);
            sum += r;
        }
        if (sum != total) throw new SrException("mask of ROI " + roiId + ": its runs cover " + sum + " voxels, its grid " + w + "x" + h + "x" + d + " has " + total);
        TreeMap<Integer, BitSet> out = new TreeMap<>();
        long p = 0;
        int plane = w * h;
        for (int r = 0; r < m.runs().length; r++) {
            int len = m.runs()[r];
            if (r % 2 == 1) {
                for (long q = p; q < p + len; ) {
                    int k = (int) (q / plane);
                    int inPlane = (int) (q % plane);
                    int n = (int) Math.min(p + len - q, plane - inPlane);
                    out.computeIfAbsent(k, x -> new BitSet(plane)).set(inPlane, inPlane + n);
                    q += n;
                }
            }
            p += len;
        }
        return out;
    }

    /** Run lengths (i, then j, then k; outside first) from slices of voxels: the inverse of {@link #of}. */
    static int[] runs(Map<Integer, BitSet> slices, int w, int h, int d) {
        java.util.List<Integer> runs = new java.util.ArrayList<>();
        boolean inside = false;
        long run = 0;
        int plane = w * h;
        for (int k = 0; k < d; k++) {
            BitSet s = slices.get(k);
            if (s == null || s.isEmpty()) {
                if (inside) { runs.add((int) run); run = 0; inside = false; }
                run += plane;
                continue;
            }
            for (int p = 0; p < plane; p++) {
                boolean in = s.get(p);
                if (in != inside) { runs.add((int) run); run = 0; inside = in; }
                run++;
            }
        }
        runs.add((int) run);
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }
}
