package org.parsreader.scoring.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parsreader.render.Figure;
import org.parsreader.render.FigureFormat;
import org.parsreader.render.FigureWriter;
import org.parsreader.render.ForestLayout;
import org.parsreader.render.ForestPlotImage;
import org.parsreader.scoring.analysis.Multiplicity;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.predictors.DataDictionary;
import org.parsreader.scoring.predictors.Domain;
import org.parsreader.scoring.stats.LogisticFit;
import org.parsreader.util.OutputFiles;

/**
 * The forest plot of univariable odds ratios: fitted models as rows under their domain (MRI,
 * CT, injection, patient) with the data dictionary's human-readable name and effect unit
 * ("Pars defect gap, widest (per mm)"); square: ML with Wald CI; hollow diamond: Firth with
 * profile CI; dark when the Holm-adjusted p of the reader x time point family is below 0.05, see
 * {@link Multiplicity}. The p printed is the raw one (LR, or Wald when no LR test was computed).
 * The axis and the cutting of very wide intervals are {@link ForestLayout}'s. Drawn by
 * {@link ForestPlotImage}, written as PNG, SVG and PDF.
 */
public final class ForestPlot {
    public static final int WIDTH = ForestPlotImage.WIDTH;
    static final String LEGEND = "Square: ML with Wald CI; diamond (F): Firth with profile CI; dark: Holm-adjusted p < 0.05 (reader x time point); p: raw LR test.";

    private ForestPlot() { }

    /** The figure of these results. */
    public static ForestPlotImage figure(List<UnivariableResult> results, DataDictionary dictionary, String title) {
        return new ForestPlotImage(ForestLayout.of(groups(results, dictionary)), title, List.of(LEGEND));
    }

    /**
     * Writes the plot as {@code <base>.png}, {@code .svg} and {@code .pdf}, each whole or not at
     * all ({@link OutputFiles}); returns the files.
     */
    public static List<Path> write(List<UnivariableResult> results, DataDictionary dictionary, String title, Path dir, String base)
            throws IOException {
        return write(figure(results, dictionary, title), dir, base);
    }

    /** Any figure as PNG, SVG and PDF beside each other. */
    public static List<Path> write(Figure f, Path dir, String base) throws IOException {
        List<Path> out = new ArrayList<>();
        for (FigureFormat format : FigureFormat.values()) {
            Path p = dir.resolve(base + format.extension());
            OutputFiles.write(p, o -> FigureWriter.write(f, format, o));
            out.add(p);
        }
        return out;
    }

    static List<ForestLayout.Group> groups(List<UnivariableResult> results, DataDictionary dictionary) {
        Multiplicity.Test basis = Multiplicity.basis(results);
        Map<Domain, List<ForestPlotImage.Row>> byDomain = new EnumMap<>(Domain.class);
        for (UnivariableResult r : results) {
            if (!r.fitted()) continue;
            boolean firth = r.method() == LogisticFit.Method.FIRTH;
            double p = Multiplicity.p(r, basis);
            ForestPlotImage.Row row = new ForestPlotImage.Row(dictionary.displayName(r.predictor()), r.oddsRatio(), r.lower(), r.upper(),
                    Fmt.ratio(r.oddsRatio()) + " (" + Fmt.ratio(r.lower()) + "-" + Fmt.ratio(r.upper()) + ")" + (firth ? " F" : ""),
                    Fmt.p(p), Multiplicity.adjusted(r, basis).holm() < 0.05, firth);
            byDomain.computeIfAbsent(dictionary.domain(r.predictor()), d -> new ArrayList<>()).add(row);
        }
        List<ForestLayout.Group> out = new ArrayList<>();
        byDomain.forEach((d, rows) -> out.add(new ForestLayout.Group(d.label(), rows)));
        return out;
    }

    static List<Double> ticks(double[] range) {
        return ForestLayout.ticks(range);
    }
}
