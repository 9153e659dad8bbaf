package org.parsreader.volume;

import ij.ImageStack;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * An ImageJ stack whose slice labels get their DICOM header text ("file name\nheader") only when
 * ImageJ first asks for a slice's whole label (Image &gt; Show Info, {@code DicomTools.getTag},
 * saving, duplicating). Building the text of every slice up front, a full header read per file,
 * more than doubled the first Open Study of a session (issue 16); the window's subtitle asks
 * only for the short label, which is the file name and built without the header.
 *
 * <p>A slice's pending header is keyed by its pixel array, so it follows the slice when ImageJ
 * deletes or inserts slices around it; a label set by anyone else replaces it for good. ImageJ
 * has no lazy slice label of its own (its {@code VirtualStack} makes the pixels lazy as well),
 * hence this subclass.
 */
final class LazyLabelStack extends ImageStack {
    /** Pixel array of a slice whose label still lacks its header, to the slice's index in the volume. */
    private final Map<Object, Integer> pending = new IdentityHashMap<>();
    private final IntFunction<String> headers;

    LazyLabelStack(int width, int height, IntFunction<String> headers) {
        super(width, height);
        this.headers = headers;
    }

    /** Adds a slice whose label is {@code label + "\n" + headers.apply(volumeIndex)} once asked for. */
    void addLazySlice(String label, Object pixels, int volumeIndex) {
        addSlice(label, pixels);
        pending.put(pixels, volumeIndex);
    }

    /** Whether slice {@code n} (1-based) still waits for its header text; for tests. */
    boolean isPending(int n) {
        return pending.containsKey(getPixels(n));
    }

    @Override
    public synchronized String getSliceLabel(int n) {
        String label = super.getSliceLabel(n);
        if (label == null || pending.isEmpty()) return label;
        Integer k = pending.remove(getPixels(n));
        if (k == null) return label;
        String full = label + "\n" + headers.apply(k);
        super.setSliceLabel(full, n);
        return full;
    }

    @Override
    public synchronized String[] getSliceLabels() {
        for (int n = 1; n <= size(); n++) getSliceLabel(n);
        return super.getSliceLabels();
    }

    /** The file name part, without building the header (ImageJ's own shortening of the label). */
    @Override
    public synchronized String getShortSliceLabel(int n, int max) {
        if (n >= 1 && n <= size() && pending.containsKey(getPixels(n))) {
            ImageStack one = new ImageStack(getWidth(), getHeight());
            one.addSlice(super.getSliceLabel(n), getPixels(n));
            return one.getShortSliceLabel(1, max);
        }
        return super.getShortSliceLabel(n, max);
    }

    @Override
    public synchronized void setSliceLabel(String label, int n) {
        pending.remove(getPixels(n));
        super.setSliceLabel(label, n);
    }

    @Override
    public synchronized void setPixels(Object pixels, int n) {
        Integer k = pending.remove(getPixels(n));
        super.setPixels(pixels, n);
        if (k != null && pixels != null) pending.put(pixels, k);
    }

    @Override
    public synchronized void deleteSlice(int n) {
        if (n >= 1 && n <= size()) pending.remove(getPixels(n));
        super.deleteSlice(n);
    }
}
