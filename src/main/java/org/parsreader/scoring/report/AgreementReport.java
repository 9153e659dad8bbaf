package org.parsreader.scoring.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.parsreader.scoring.analysis.AgreementOptions;
import org.parsreader.scoring.analysis.AgreementResult;

/** agreement.csv (one statistic per row) and agreement.md. */
public final class AgreementReport {
    private static final int MAX_PROBLEMS = 50;

    private AgreementReport() { }

    public static void csv(List<AgreementResult> rows, Writer w) throws IOException {
        w.write("scope,item,readers,statistic,n,patients,estimate,ci_lower,ci_upper,boot_lower,boot_upper,boot_resamples,observed_agreement,note\n");
        for (AgreementResult a : rows) {
            w.write(String.join(",", a.scope(), Fmt.cell(a.item()), Fmt.cell(String.join(";", a.readers())), a.statistic(), "" + a.n(),
                    "" + a.patients(), Fmt.csv(a.estimate()), Fmt.csv(a.lower()), Fmt.csv(a.upper()), Fmt.csv(a.bootLower()),
                    Fmt.csv(a.bootUpper()), "" + a.resamples(), Fmt.csv(a.observedAgreement()), Fmt.cell(a.note())) + "\n");
        }
        w.flush();
    }

    /** Readable name of a statistic column. */
    static String label(String statistic, AgreementOptions o) {
        return switch (statistic) {
            case "kappa" -> "Cohen's kappa";
            case "kappa_linear" -> "kappa, linear weights";
            case "kappa_quadratic" -> "kappa, quadratic weights";
            case "percent_agreement" -> "percent agreement";
            case "ac1" -> "Gwet's AC1";
            case "pabak" -> "PABAK";
            case "fleiss_kappa" -> "Fleiss' kappa";
            case "alpha_nominal" -> "Krippendorff's alpha (nominal)";
            case "alpha_ordinal" -> "Krippendorff's alpha (ordinal)";
            case "alpha_interval" -> "Krippendorff's alpha (interval)";
            case "ba_bias" -> "Bland-Altman bias";
            case "ba_lower_loa" -> "lower limit of agreement";
            case "ba_upper_loa" -> "upper limit of agreement";
            default -> statistic.equals(o.icc().statistic()) ? o.icc().label() : statistic;
        };
    }

    public static String markdown(List<String> readers, AgreementOptions o, List<AgreementResult> rows, List<String> plots, List<String> problems) {
        StringBuilder b = new StringBuilder("# Inter-reader agreement\n\n");
        b.append("Readers ").append(String.join(", ", readers)).append(": every pair");
        if (readers.size() >= 3) b.append(", and all ").append(readers.size()).append(" together (Fleiss' kappa, Krippendorff's alpha)");
        b.append(". Numbers: ").append(o.icc().label()).append(" (").append(switch (o.icc()) {
            case ICC2_1 -> "two-way random effects, absolute agreement, single reader";
            case ICC3_1 -> "two-way mixed effects, consistency, single reader";
            case ICC2_K -> "two-way random effects, absolute agreement, mean of the readers";
        }).append(", Shrout & Fleiss 1979)").append("; for pairs also Bland-Altman bias with 95 % limits of agreement (bias -/+ 1.96 SD).\n\n");
        if (o.bootstrap() > 0) {
            b.append("Bootstrap: ").append(o.bootstrap()).append(" resamples of patients with replacement (seed ").append(o.seed())
                    .append("), percentile 95 % CI. A finding item pools the levels and sides of each patient, which are not independent;"
                            + " resampling whole patients keeps them together. The analytic CIs (kappa: Fleiss, Cohen & Everitt 1969;"
                            + " ICC: F-based; Bland-Altman: t-based) assume independent rows and are too narrow for pooled findings.\n");
        } else {
            b.append("No bootstrap (--bootstrap 0): only analytic CIs, which assume independent rows; AC1, PABAK, Fleiss' kappa and"
                    + " Krippendorff's alpha then have no CI.\n");
        }
        for (String scope : List.of("predictor", "finding")) {
            b.append("\n## Per ").append(scope).append(scope.equals("finding") ? " (per patient, level and side)\n" : " (per patient)\n");
            List<String> sets = rows.stream().filter(a -> a.scope().equals(scope)).map(AgreementResult::readerLabel).distinct().toList();
            for (String set : sets) {
                b.append("\n### ").append(set).append("\n\n| item | n (patients) | statistic | estimate | 95 % CI | bootstrap 95 % CI | note |\n")
                        .append("|---|---:|---|---:|---|---|---|\n");
                for (AgreementResult a : rows) {
                    if (a.scope().equals(scope) && a.readerLabel().equals(set)) row(b, a, o);
                }
            }
        }
        if (!plots.isEmpty()) {
            b.append("\n## Bland-Altman plots\n\n");
            for (String p : plots) b.append("- [").append(p).append("](").append(p).append(")\n");
        }
        if (!problems.isEmpty()) {
            b.append("\n## Problems and notes\n\n");
            for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS); i++) b.append("- ").append(problems.get(i)).append('\n');
            if (problems.size() > MAX_PROBLEMS) b.append("- ... and ").append(problems.size() - MAX_PROBLEMS).append(" more (see the command's error output)\n");
        }
        return b.toString();
    }

    private static void row(StringBuilder b, AgreementResult a, AgreementOptions o) {
        b.append("| ").append(a.item()).append(" | ").append(a.n()).append(" (").append(a.patients()).append(") | ")
                .append(label(a.statistic(), o)).append(" | ").append(Fmt.fixed(a.estimate(), 3)).append(" | ")
                .append(interval(a.lower(), a.upper())).append(" | ").append(interval(a.bootLower(), a.bootUpper())).append(" | ")
                .append(a.note()).append(" |\n");
    }

    private static String interval(double lo, double hi) {
        return Double.isNaN(lo) ? "-" : Fmt.fixed(lo, 3) + " to " + Fmt.fixed(hi, 3);
    }
}
