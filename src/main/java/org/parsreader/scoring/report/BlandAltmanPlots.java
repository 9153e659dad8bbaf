package org.parsreader.scoring.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.parsreader.render.BlandAltmanImage;
import org.parsreader.render.Figure;
import org.parsreader.render.FigureFormat;
import org.parsreader.scoring.analysis.AgreementAnalysis;
import org.parsreader.scoring.analysis.AgreementResult;
import org.parsreader.util.OutputFiles;

/**
 * Bland-Altman plots of agreement.md, one per continuous item and reader pair as PNG, SVG and
 * PDF (like the forest plots), drawn by {@link BlandAltmanImage}. Bands are the bootstrap-by-patient intervals when the bootstrap
 * ran (they respect several places per patient), else the analytic ones.
 */
public final class BlandAltmanPlots {
    private BlandAltmanPlots() { }

    /** "bland-altman-finding-gap_width_mm-R1-R2" (characters other than letters, digits, . _ - become _); the files add .png, .svg, .pdf. */
    public static String baseName(AgreementAnalysis.BlandAltmanPlot p) {
        return ("bland-altman-" + p.scope() + "-" + p.item() + "-" + p.readerA() + "-" + p.readerB()).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The PNG's file name (the one agreement.md shows). */
    public static String fileName(AgreementAnalysis.BlandAltmanPlot p) {
        return baseName(p) + FigureFormat.PNG.extension();
    }

    /** Writes the plot as {@code <baseName>.png}, {@code .svg} and {@code .pdf} in {@code dir}, each whole or not at all ({@link OutputFiles}). */
    public static List<Path> write(AgreementAnalysis.BlandAltmanPlot p, Path dir) throws IOException {
        return ForestPlot.write(figure(p), dir, baseName(p));
    }

    /** The plot as a figure. */
    public static Figure figure(AgreementAnalysis.BlandAltmanPlot p) {
        return BlandAltmanImage.figure(plot(p));
    }

    static BlandAltmanImage.Plot plot(AgreementAnalysis.BlandAltmanPlot p) {
        boolean boot = p.bias().resamples() > 0;
        String count = p.scope().equals("finding") ? p.result().n() + " places (level, side) of " + p.bias().patients() + " patients"
                : p.result().n() + " patients";
        String footer = "n = " + count + "; bands: 95 % CI, "
                + (boot ? "bootstrap by patient (" + p.bias().resamples() + " resamples)" : "t-based (Bland & Altman 1999)")
                + "; limits = bias -/+ 1.96 SD";
        return new BlandAltmanImage.Plot(p.item() + ": " + p.readerA() + " vs " + p.readerB() + " (" + p.scope() + ")",
                "mean of " + p.readerA() + " and " + p.readerB(), p.readerA() + " - " + p.readerB(), p.result().means(),
                p.result().differences(), p.result().bias(), p.result().lowerLimit(), p.result().upperLimit(), ci(p.bias(), boot),
                ci(p.lowerLimit(), boot), ci(p.upperLimit(), boot), footer);
    }

    private static double[] ci(AgreementResult r, boolean boot) {
        return boot ? new double[] {r.bootLower(), r.bootUpper()} : new double[] {r.lower(), r.upper()};
    }
}
