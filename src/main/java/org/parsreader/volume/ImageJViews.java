package org.parsreader.volume;

import ij.ImagePlus;
import ij.measure.Calibration;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The volume as an ImageJ {@link ImagePlus} sharing the slice arrays (no copy): voxel size in
 * mm, a straight-line calibration function to physical values (Hounsfield units for CT), the
 * default window, and per slice a label of file name plus DICOM header text in ImageJ's own
 * format, built per slice when ImageJ first asks for it, so ImageJ's DICOM tools (Image >
 * Show Info, DicomTools.getTag) work on it.
 */
public final class ImageJViews {
    private ImageJViews() {}

    /**
     * @param headers slice index (0-based) to DICOM header text in ImageJ's format, or null for
     *                labels without headers
     */
    public static ImagePlus toImagePlus(Volume v, IntFunction<String> headers) {
        // the header text of a slice is built when ImageJ first asks for its label (LazyLabelStack)
        LazyLabelStack stack = new LazyLabelStack(v.width(), v.height(), headers);
        for (int k = 0; k < v.depth(); k++) {
            Volume.SliceInfo info = v.slices().get(k);
            String label = info.file() == null ? "slice " + (k + 1) : info.file().getFileName().toString();
            // the volume's own arrays, no processor per slice: ImageJ's processors scan their pixels
            // for min and max when made, a pass over the whole volume before it is shown (issue 16)
            Object pixels = v.slice(k);
            if (!info.valid()) stack.addSlice("UNREADABLE " + label + ": " + info.problem(), pixels);
            else if (headers != null) stack.addLazySlice(label, pixels, k);
            else stack.addSlice(label, pixels);
        }
        // ImageJ's "Info" of the image: the volume's warnings, then the first slice's header, made when first read
        String warnings = null;
        if (!v.warnings().isEmpty()) {
            StringBuilder b = new StringBuilder("Pars Reader warnings (how this volume was loaded):\n");
            for (String w : v.warnings()) b.append("  ").append(w).append('\n');
            warnings = b.append('\n').toString();
        }
        String lead = warnings;
        boolean header0 = headers != null && v.depth() > 0 && v.isValidSlice(0);
        Supplier<String> info = header0 ? () -> (lead == null ? "" : lead) + headers.apply(0) : lead == null ? null : () -> lead;
        ImagePlus imp = new LazyInfoImage(v.name(), stack, info);
        if (warnings != null) imp.setProperty("ParsReader.Warnings", String.join("\n", v.warnings()));
        Calibration cal = imp.getCalibration();
        double[] s = v.geometry().spacing();
        cal.pixelWidth = s[0];
        cal.pixelHeight = s[1];
        cal.pixelDepth = s[2];
        cal.setUnit("mm");
        boolean linear = v.slope() != 1 || v.intercept() != 0;
        if (linear && (v.type() == VoxelType.UINT8 || v.type() == VoxelType.UINT16)) {
            cal.setFunction(Calibration.STRAIGHT_LINE, new double[] {v.intercept(), v.slope()},
                    v.unit().isEmpty() ? "Gray Value" : v.unit());
        } else if (!v.unit().isEmpty()) {
            cal.setValueUnit(v.unit());
        }
        double[] w = v.window();
        if (w != null && v.type() != VoxelType.RGB) {
            double lo = (w[0] - w[1] / 2 - v.intercept()) / v.slope();
            double hi = (w[0] + w[1] / 2 - v.intercept()) / v.slope();
            imp.setDisplayRange(Math.min(lo, hi), Math.max(lo, hi));
        } else if (v.type() != VoxelType.RGB) {
            imp.resetDisplayRange();
        }
        if (v.invertedDisplay()) imp.getProcessor().invertLut();
        imp.setSlice(Math.max(1, v.depth() / 2 + 1));
        return imp;
    }
}
