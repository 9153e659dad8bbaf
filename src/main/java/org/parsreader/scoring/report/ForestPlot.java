package org.parsreader.scoring.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.parsreader.render.ForestPlotImage;
import org.parsreader.scoring.analysis.Multiplicity;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.stats.LogisticFit;
import org.parsreader.util.OutputFiles;

/**
 * The forest plot of univariable odds ratios: fitted models as rows (square: ML with Wald CI;
 * hollow diamond: Firth with profile CI; dark when the Holm-adjusted p of the reader x time point
 * family is below 0.05, see {@link Multiplicity}), drawn by {@link ForestPlotImage}. The p
 * printed is the raw one (LR, or Wald when no LR test was computed).
 */
public final class ForestPlot {
    public static final int WIDTH = ForestPlotImage.WIDTH;
    static final String LEGEND = "odds ratio (log scale); square: ML with Wald CI, diamond (F): Firth with profile CI; dark: Holm-adjusted p < 0.05";

    private ForestPlot() { }

    /** Height of a plot of {@code rows} models. */
    public static int height(int rows) {
        return ForestPlotImage.height(rows);
    }

    /** Writes the plot as PNG, whole or not at all ({@link OutputFiles}). */
    public static void write(List<UnivariableResult> results, String title, Path png) throws IOException {
        List<ForestPlotImage.Row> rows = rows(results);
        OutputFiles.write(png, out -> ForestPlotImage.write(rows, title, LEGEND, out));
    }

    static List<ForestPlotImage.Row> rows(List<UnivariableResult> results) {
        Multiplicity.Test basis = Multiplicity.basis(results);
        return results.stream().filter(UnivariableResult::fitted).map(r -> {
            boolean firth = r.method() == LogisticFit.Method.FIRTH;
            double p = Multiplicity.p(r, basis);
            return new ForestPlotImage.Row(r.predictor(), r.oddsRatio(), r.lower(), r.upper(),
                    Fmt.ratio(r.oddsRatio()) + " (" + Fmt.ratio(r.lower()) + "-" + Fmt.ratio(r.upper()) + ")" + (firth ? " F" : ""),
                    Fmt.p(p), Multiplicity.adjusted(r, basis).holm() < 0.05, firth);
        }).toList();
    }

    static List<Double> ticks(double[] range) {
        return ForestPlotImage.ticks(range);
    }
}
