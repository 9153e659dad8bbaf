package org.parsreader.dicom;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Refuses, before anything is allocated, an object whose claimed size (Rows x Columns x
 * frames x bytes) no Java array or this JVM's heap can hold, with a message that says how
 * large it claims to be. A 10 KB file may claim 65535 x 65535 pixels in 65535 frames; without
 * this check that ends in an integer overflow ("error: -131071") or an OutOfMemoryError.
 */
final class MemoryCheck {
    /** The largest array the JVM reliably allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private MemoryCheck() {}

    /** For a volume of {@code depth} slices of {@code width x height} voxels of {@code bytesPerVoxel}. */
    static void volume(Path file, int width, int height, long depth, int bytesPerVoxel) {
        long perSlice = (long) width * height;
        if (perSlice > MAX_ARRAY) {
            throw new DicomReadException(file, String.format(Locale.ROOT,
                    "Rows %d x Columns %d = %,d pixels per image, more than one Java array can hold (%,d): "
                            + "the header is damaged or the image is not one Pars Reader can load", height, width, perSlice, MAX_ARRAY));
        }
        long bytes = perSlice * depth * bytesPerVoxel;
        long free = free();
        // what the slices take in G1's heap, asked for only when it could matter (reading the region
        // size loads the management classes): a slice of half a region or more is a "humongous"
        // object and takes whole regions, so with 1 MB regions (heaps up to 2 GB) a 512 x 512 16-bit
        // CT takes twice its size, and without this the check let through a volume that then ended
        // in a bare OutOfMemoryError
        long data = bytes;
        if (bytes <= free && 2 * bytes > free) bytes = heapBytes(perSlice * bytesPerVoxel, depth, regionSize());
        // the text only when it is needed: this runs for every file a volume loads, and a cold
        // String.format was 5 % of volume-stats' samples on a 400-slice CT (issue 16)
        if (bytes > free) {
            String what = String.format(Locale.ROOT, "%d x %d x %d voxels", width, height, depth);
            if (bytes != data) what += ", " + size(data) + " of pixels, each slice in whole G1 heap regions";
            fits(file, what, bytes);
        }
    }

    /**
     * The heap {@code depth} arrays of {@code sliceBytes} take with G1 regions of {@code region}
     * bytes (0: not G1): an array of half a region or more is rounded up to whole regions.
     */
    static long heapBytes(long sliceBytes, long depth, long region) {
        long each = sliceBytes + 16; // array header
        if (region > 0 && each >= region / 2) each = (each + region - 1) / region * region;
        return each * depth;
    }

    private static volatile long regionSize = -1;

    /** G1's region size in bytes, 0 when the collector is not G1 or the JVM does not say. */
    static long regionSize() {
        long r = regionSize;
        if (r >= 0) return r;
        r = 0;
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if ("true".equals(bean.getVMOption("UseG1GC").getValue())) r = Long.parseLong(bean.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException | LinkageError e) {
            r = 0; // another JVM: no rounding, as before
        }
        regionSize = r;
        return r;
    }

    /** Whether {@code bytes} more can be allocated now; else a DicomReadException naming {@code what} and the sizes. */
    static void fits(Path file, String what, long bytes) {
        Runtime rt = Runtime.getRuntime();
        long free = free();
        if (bytes > free) {
            throw new DicomReadException(file, String.format(Locale.ROOT,
                    "claims %s (%s) but this Java process can take only %s more (of at most %s): "
                            + "if the image is real, give Java more memory (ImageJ: Edit > Options > Memory & Threads; "
                            + "command line: java -Xmx...), else the header is damaged", what, size(bytes), size(free), size(rt.maxMemory())));
        }
    }

    private static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
