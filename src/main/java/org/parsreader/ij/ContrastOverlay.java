package org.parsreader.ij;

import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import java.awt.Color;
import java.util.Locale;
import org.parsreader.quant.RegionMask;

/**
 * A contrast region as an ImageJ overlay: one outline (or filled shape) per slice the region
 * touches, each bound to its slice, on the image the region was segmented on.
 */
final class ContrastOverlay {
    static final String NAME_PREFIX = "contrast ";

    enum Style { OUTLINE, FILLED }

    private ContrastOverlay() {}

    static Overlay of(RegionMask region, Style style, Color colour) {
        Overlay overlay = new Overlay();
        for (int k = 0; k < region.depth(); k++) {
            if (!region.touches(k)) continue;
            ByteProcessor bp = new ByteProcessor(region.width(), region.height());
            boolean any = false;
            for (int j = 0; j < region.height(); j++) {
                for (int i = 0; i < region.width(); i++) {
                    if (region.contains(i, j, k)) {
                        bp.set(i, j, 255);
                        any = true;
                    }
                }
            }
            if (!any) continue;
            bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
            Roi roi = new ThresholdToSelection().convert(bp);
            roi.setPosition(k + 1);
            roi.setName(NAME_PREFIX + (k + 1));
            if (style == Style.FILLED) roi.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
            else roi.setStrokeColor(colour);
            overlay.add(roi);
        }
        return overlay;
    }

    static Style style(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "outline" -> Style.OUTLINE;
            case "filled", "fill" -> Style.FILLED;
            default -> throw new IllegalArgumentException("overlay '" + text + "' must be outline or filled");
        };
    }

    /** An ImageJ colour name (red, yellow, #ff8800 ...). */
    static Color colour(String text) {
        Color c = ij.plugin.Colors.decode(text.trim(), null);
        if (c == null) throw new IllegalArgumentException("colour '" + text + "' is not a colour name (red, yellow, cyan ...) or #rrggbb");
        return c;
    }
}
