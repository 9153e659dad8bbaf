package org.parsreader.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.measure.Calibration;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import java.awt.Color;
import java.util.Locale;
import org.parsreader.quant.RegionMask;

/**
 * A contrast region in ImageJ: as an overlay (one outline or filled shape per slice the region
 * touches, each bound to its slice, on the image the region was segmented on), as a binary mask
 * stack on the same grid and calibration, and as ImageJ's 3D projection of that mask.
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

    static final String MASK_TITLE_PREFIX = "Contrast mask of ";

    /**
     * The region as an 8-bit stack on the CT's grid (255 = contrast, 0 elsewhere), with the CT's
     * spatial calibration (voxel size, unit, origin; no HU function), so measurements, 3D Viewer
     * and File &gt; Save As (TIFF, NRRD) keep millimetres. The CT's voxel geometry in patient
     * millimetres is in the Info property.
     */
    static ImagePlus maskStack(RegionMask region, ImagePlus ct) {
        ImageStack stack = new ImageStack(region.width(), region.height());
        for (int k = 0; k < region.depth(); k++) {
            byte[] px = new byte[region.width() * region.height()];
            if (region.touches(k)) {
                for (int j = 0, p = 0; j < region.height(); j++) {
                    for (int i = 0; i < region.width(); i++, p++) if (region.contains(i, j, k)) px[p] = (byte) 255;
                }
            }
            stack.addSlice("contrast " + (k + 1), new ByteProcessor(region.width(), region.height(), px));
        }
        ImagePlus mask = new ImagePlus(MASK_TITLE_PREFIX + ct.getTitle(), stack);
        Calibration cal = ct.getCalibration().copy();
        cal.disableDensityCalibration();
        cal.setValueUnit("");
        mask.setCalibration(cal);
        Object info = ct.getProperty("Info");
        mask.setProperty("Info", "Contrast region (255) segmented on " + ct.getTitle() + "\n" + (info == null ? "" : info));
        return mask;
    }

    /**
     * ImageJ's 3D Project of the mask: brightest point, rotating 360 degrees about the
     * left-right axis in 10 degree steps, slices interpolated at their true spacing, so the
     * craniocaudal spread is seen from every side. Returns the projection (not yet shown when
     * ImageJ runs headless).
     */
    static ImagePlus project(ImagePlus mask) {
        double depth = mask.getCalibration().pixelDepth;
        int before = WindowManager.getImageCount();
        ImagePlus current = WindowManager.getCurrentImage();
        IJ.run(mask, "3D Project...", String.format(Locale.ROOT, "projection=[Brightest Point] axis=X-Axis slice=%.4f initial=0 total=360 "
                + "rotation=10 lower=1 upper=255 opacity=0 surface=100 interior=50 interpolate", depth));
        ImagePlus out = WindowManager.getCurrentImage();
        if (out == null || out == current || out == mask || WindowManager.getImageCount() == before && out.getTitle().equals(mask.getTitle())) {
            throw new IllegalStateException("3D Project did not produce a projection of " + mask.getTitle());
        }
        return out;
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
