package org.parsreader.volume;

/**
 * Min, max, mean and sum of the physical values of a volume's valid slices (placeholders for
 * unreadable slices are skipped). For RGB volumes the statistics are of the mean of R, G, B.
 */
public record VolumeStats(long count, double min, double max, double mean, double sum) {

    public static VolumeStats of(Volume v) {
        long count = 0;
        double sumStored = 0;
        double minStored = Double.POSITIVE_INFINITY;
        double maxStored = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v.depth(); k++) {
            if (!v.isValidSlice(k)) continue;
            Object a = v.slice(k);
            long sum = 0;
            double fsum = 0;
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            switch (v.type()) {
                case UINT8 -> {
                    int lo = 255, hi = 0;
                    for (byte b : (byte[]) a) {
                        int x = b & 0xFF;
                        sum += x;
                        if (x < lo) lo = x;
                        if (x > hi) hi = x;
                    }
                    mn = lo; mx = hi; fsum = sum;
                }
                case UINT16 -> {
                    int lo = 65535, hi = 0;
                    for (short s : (short[]) a) {
                        int x = s & 0xFFFF;
                        sum += x;
                        if (x < lo) lo = x;
                        if (x > hi) hi = x;
                    }
                    mn = lo; mx = hi; fsum = sum;
                }
                case FLOAT32 -> {
                    for (float f : (float[]) a) {
                        fsum += f;
                        if (f < mn) mn = f;
                        if (f > mx) mx = f;
                    }
                }
                case RGB -> {
                    for (int p : (int[]) a) {
                        double g = (((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)) / 3.0;
                        fsum += g;
                        if (g < mn) mn = g;
                        if (g > mx) mx = g;
                    }
                }
            }
            count += java.lang.reflect.Array.getLength(a);
            sumStored += fsum;
            minStored = Math.min(minStored, mn);
            maxStored = Math.max(maxStored, mx);
        }
        if (count == 0) return new VolumeStats(0, Double.NaN, Double.NaN, Double.NaN, 0);
        double s = v.slope();
        double c = v.intercept();
        double a = s * minStored + c;
        double b = s * maxStored + c;
        double sum = s * sumStored + c * count;
        return new VolumeStats(count, Math.min(a, b), Math.max(a, b), sum / count, sum);
    }
}
