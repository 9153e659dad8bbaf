package org.parsreader.render;

import java.util.Locale;

/** The file formats a {@link Figure} can be written in. */
public enum FigureFormat {
    PNG, SVG, PDF;

    /** The file name extension, with the dot. */
    public String extension() {
        return "." + name().toLowerCase(Locale.ROOT);
    }
}
