package org.parsreader.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.analysis.MultivariableResult;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.outcome.ContinuousOutcome;
import org.parsreader.scoring.outcome.MissingRule;
import org.parsreader.scoring.outcome.OutcomeCsvException;
import org.parsreader.scoring.outcome.OutcomeRule;
import org.parsreader.scoring.predictors.PredictorException;

/**
 * Plugins &gt; Pars Reader &gt; Score...: the scoring of a reading study ({@link ScoringRun}, as
 * the {@code score} command line): writes the output files, shows the table
 * {@value #TABLE} (one row per reader, time point and predictor; multivariable terms
 * after the univariable rows) and opens the forest plot(s). Headless, nothing is shown; the
 * table and images are still built, the files written and a summary logged.
 *
 * <p>Macro: {@code run("Score...", "findings=/data/cohort outcomes=/data/cohort/outcomes.csv out=/data/results
 * reader=R1 rule=ppr50 missing=complete multivariable=bme_isthmic_any,contrast_n_compartments");}
 * Issue 15: {@code rule=[drop:2@leg_nrs+gpe+no-intervention] linear=ppr,change@odi group=guidance timepoints=1month}.
 */
public final class ScoreCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Score...";
    static final String FINDINGS = "findings";
    static final String OUTCOMES = "outcomes";
    static final String OUT = "out";
    /** Reader ids or roles, comma-separated; empty for every reader. */
    static final String READER = "reader";
    static final String RULE = "rule";
    static final String MISSING = "missing";
    /** Predictors of the multivariable model, comma-separated; empty for none. */
    static final String MULTIVARIABLE = "multivariable";
    /** Flag: Firth's penalised likelihood for every model, not only on separation. */
    static final String FIRTH = "firth";
    /** Continuous outcomes for linear regression, comma-separated (ppr, change@odi); empty for none. */
    static final String LINEAR = "linear";
    /** A text column of the outcomes CSV whose groups are compared; empty for none. */
    static final String GROUP = "group";
    /** Follow-up time points to analyse, comma-separated; empty for all. */
    static final String TIME_POINTS = "timepoints";
    static final Set<String> KEYS = Set.of(FINDINGS, OUTCOMES, OUT, READER, RULE, MISSING, MULTIVARIABLE, FIRTH, LINEAR, GROUP, TIME_POINTS);
    static final String EXAMPLE = "findings=/data/cohort outcomes=/data/cohort/outcomes.csv out=/data/results"
            + " [reader=R1] [rule=ppr50] [missing=complete] [multivariable=bme_isthmic_any,contrast_n_compartments] [linear=ppr,change@odi]"
            + " [group=guidance] [timepoints=1month]";
    public static final String TABLE = "Pars Reader Scores";

    /** What to run: the request and the output folder. */
    public record Options(ScoreRequest request, Path out) { }

    /** The run, the files written, the table and the forest plots (not shown). */
    public record Scored(ScoringRun.Result result, List<Path> files, ResultsTable table, List<ImagePlus> plots) { }

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            Options o = Commands.request(COMMAND, EXAMPLE, ScoreCommand::parse, ScoreCommand::dialog);
            if (o == null) return;
            Scored s;
            try {
                s = process(o);
            } catch (OutcomeCsvException | PredictorException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            for (String p : s.result().problems()) IJ.log("Pars Reader: " + p);
            IJ.log("Pars Reader: " + s.result().results().size() + " univariable and " + s.result().multivariable().size()
                    + " multivariable model(s); " + s.files().size() + " files written to " + o.out());
            if (!s.result().linear().isEmpty() || !s.result().groups().isEmpty()) {
                // the table holds the logistic models; continuous outcomes and groups are in linear.csv, groups.csv and the report
                IJ.log("Pars Reader: " + s.result().linear().size() + " univariable and " + s.result().linearModels().size()
                        + " multivariable linear model(s) (linear.csv), " + s.result().groups().size() + " group comparison(s) (groups.csv)");
            }
            if (GraphicsEnvironment.isHeadless()) return;
            s.table().show(TABLE);
            for (ImagePlus imp : s.plots()) imp.show();
        });
    }

    /** Macro options to a request; unknown keys and bad values are errors naming them. */
    public static Options parse(String macro) {
        MacroOptions m = MacroOptions.parse(COMMAND, macro, KEYS);
        return options(m.require(COMMAND, FINDINGS, EXAMPLE), m.require(COMMAND, OUTCOMES, EXAMPLE), m.require(COMMAND, OUT, EXAMPLE),
                m.get(READER, ""), m.get(RULE, "ppr50"), m.get(MISSING, "complete"), m.get(MULTIVARIABLE, ""), m.flag(FIRTH), m.get(LINEAR, ""),
                m.get(GROUP, ""), m.get(TIME_POINTS, ""));
    }

    static Options options(String findings, String outcomes, String out, String readers, String rule, String missing, String multivariable) {
        return options(findings, outcomes, out, readers, rule, missing, multivariable, false);
    }

    static Options options(String findings, String outcomes, String out, String readers, String rule, String missing, String multivariable,
                           boolean firth) {
        return options(findings, outcomes, out, readers, rule, missing, multivariable, firth, "", "", "");
    }

    static Options options(String findings, String outcomes, String out, String readers, String rule, String missing, String multivariable,
                           boolean firth, String linear, String group, String timePoints) {
        ScoreRequest req = new ScoreRequest(Path.of(findings.trim()), Path.of(outcomes.trim()), list(readers), OutcomeRule.parse(rule.trim()),
                MissingRule.parse(missing.trim()), false, null, list(multivariable), firth, ContinuousOutcome.parseList(linear), group, list(timePoints));
        return new Options(req, Path.of(out.trim()));
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** Runs the scoring, writes the files, fills the table and opens the plots; no window. */
    public static Scored process(Options o) throws IOException {
        ScoringRun.Result r = ScoringRun.run(o.request());
        List<Path> files = ScoringRun.write(r, o.out());
        List<ImagePlus> plots = new ArrayList<>();
        for (Path f : files) {
            if (!f.getFileName().toString().endsWith(".png")) continue;
            ImagePlus imp = IJ.openImage(f.toString());
            if (imp == null) throw new IOException("cannot open the forest plot " + f);
            plots.add(imp);
        }
        return new Scored(r, files, table(r), plots);
    }

    /** One row per univariable model, then one per multivariable term. */
    static ResultsTable table(ScoringRun.Result r) {
        ResultsTable rt = new ResultsTable();
        rt.showRowNumbers(false);
        for (UnivariableResult u : r.results()) {
            row(rt, "univariable", u.reader(), u.timePoint(), u.predictor(), u.n(), u.events(), u.oddsRatio(), u.lower(), u.upper(),
                    u.pWald(), u.pLr(), u.adjustedLr(), u.method() == null ? "" : u.method().name(),
                    warning(u.note(), u.lowEventsPerParameter() && u.fitted(), u.warnings()));
        }
        for (MultivariableResult m : r.multivariable()) {
            String model = "multivariable: " + String.join("+", m.predictors());
            if (!m.fitted()) {
                row(rt, model, m.reader(), m.timePoint(), "", m.n(), m.events(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        org.parsreader.scoring.analysis.AdjustedP.NONE, "", m.note());
                continue;
            }
            for (MultivariableResult.Term t : m.terms()) {
                row(rt, model, m.reader(), m.timePoint(), t.predictor(), m.n(), m.events(), t.oddsRatio(), t.lower(), t.upper(), t.pWald(),
                        t.pLr(), t.adjustedLr(), m.method().name(), warning(m.note(), m.lowEventsPerParameter(), m.warnings()));
            }
        }
        return rt;
    }

    private static void row(ResultsTable rt, String model, String reader, String tp, String predictor, int n, int events, double or, double lo,
                            double hi, double pWald, double pLr, org.parsreader.scoring.analysis.AdjustedP adjustedLr, String method,
                            String warning) {
        rt.incrementCounter();
        rt.addValue("Model", model);
        rt.addValue("Reader", reader);
        rt.addValue("Time point", tp);
        rt.addValue("Predictor", predictor);
        rt.addValue("n", n);
        rt.addValue("Events", events);
        rt.addValue("OR", or);
        rt.addValue("CI lower", lo);
        rt.addValue("CI upper", hi);
        rt.addValue("p Wald", pWald);
        rt.addValue("p LR", pLr);
        // the same adjusted columns as results.csv: Holm and BH within reader x time point, and over every test
        rt.addValue("p LR Holm", adjustedLr.holm());
        rt.addValue("p LR BH", adjustedLr.bh());
        rt.addValue("p LR Holm all", adjustedLr.holmAll());
        rt.addValue("p LR BH all", adjustedLr.bhAll());
        rt.addValue("Method", method);
        rt.addValue("Warning", warning);
    }

    private static String warning(String note, boolean lowEpv, List<String> warnings) {
        List<String> w = new ArrayList<>();
        if (!note.isEmpty()) w.add(note);
        if (lowEpv) w.add("EPV<10");
        warnings.stream().filter(s -> !s.contains("events per parameter")).forEach(w::add);
        return String.join("; ", w);
    }

    private static Options dialog() {
        GenericDialog gd = new GenericDialog("Pars Reader: Score");
        gd.addDirectoryField(FINDINGS, CaseOptions.currentCase(), 40);
        gd.addFileField(OUTCOMES, "outcomes.csv", 40);
        gd.addDirectoryField(OUT, "", 40);
        gd.addStringField(READER, "", 20);
        gd.addStringField(RULE, "ppr50", 20);
        gd.addChoice(MISSING, new String[] {"complete", "failure"}, "complete");
        gd.addStringField(MULTIVARIABLE, "", 40);
        gd.addCheckbox(FIRTH + " (penalised likelihood for every model)", false);
        gd.addStringField(LINEAR, "", 30);
        gd.addStringField(GROUP, "", 20);
        gd.addStringField(TIME_POINTS, "", 20);
        gd.addMessage("reader: R1, R2, consensus (comma-separated; empty = all)\n"
                + "rule: ppr50, ppr50-or-zero, drop:K, drop:K+gpe, ppr:X, or conditions ppr:X[@series], drop:K[@series], zero[@series],\n"
                + "  gpe, no-intervention joined by + (and), | (or): drop:2@leg_nrs+gpe+no-intervention\n"
                + "linear: continuous outcomes ppr[@series], change[@series], e.g. ppr,change@odi; group: a text column, e.g. guidance\n"
                + "multivariable: predictors of one adjusted model, e.g. bme_isthmic_any,contrast_n_compartments");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        return options(gd.getNextString(), gd.getNextString(), gd.getNextString(), gd.getNextString(), gd.getNextString(), gd.getNextChoice(),
                gd.getNextString(), gd.getNextBoolean(), gd.getNextString(), gd.getNextString(), gd.getNextString());
    }
}
