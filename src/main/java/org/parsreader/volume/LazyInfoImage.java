package org.parsreader.volume;

import ij.ImagePlus;
import ij.ImageStack;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * An ImagePlus whose "Info" property (ImageJ's Show Info text for the image: here the first
 * slice's DICOM header) is made when first read. The first header read of a session is the
 * first use of PixelMed's dictionary, a large part of the first Open Study (issue 16); a stack's
 * Show Info reads the current slice's label instead ({@link LazyLabelStack}), so most sessions
 * never need it. Every ImageJ reader of "Info" goes through {@link #getProperty} or
 * {@link #getProperties}, both of which fill it in first.
 */
final class LazyInfoImage extends ImagePlus {
    static final String INFO = "Info";
    /** Makes the text; null once made (or once someone else set "Info"). */
    private Supplier<String> pending;
    /** A lock of its own: ImagePlus synchronizes on itself elsewhere, and the text is read from a file. */
    private final Object lock = new Object();

    LazyInfoImage(String title, ImageStack stack, Supplier<String> info) {
        super(title, stack);
        this.pending = info;
    }

    /** Whether "Info" has not been made yet; for tests. */
    boolean isInfoPending() {
        synchronized (lock) {
            return pending != null;
        }
    }

    @Override
    public Object getProperty(String key) {
        if (INFO.equals(key)) fill();
        return super.getProperty(key);
    }

    @Override
    public Properties getProperties() {
        fill();
        return super.getProperties();
    }

    @Override
    public void setProperty(String key, Object value) {
        if (INFO.equals(key) && lock != null) { // null while ImagePlus' constructor runs
            synchronized (lock) {
                pending = null;
            }
        }
        super.setProperty(key, value);
    }

    private void fill() {
        if (lock == null) return; // ImagePlus' constructor, before this class's fields are set
        synchronized (lock) {
            Supplier<String> s = pending;
            if (s == null) return;
            pending = null;
            String text = s.get();
            if (text != null) super.setProperty(INFO, text);
        }
    }
}
