package org.parsreader.scoring.describe;

import java.util.ArrayList;
import java.util.List;
import org.parsreader.scoring.report.Fmt;
import org.parsreader.scoring.stats.TestResult;

/**
 * Table 1 for people: one Markdown table per panel, a column per group and one for the tests
 * between groups, each p named by its test; change rows carry each group's paired p-values
 * (Wilcoxon signed-rank and paired t) in the cell. {@link #document} is table1.md;
 * {@link #section} is the same at heading level 2 for the score report.
 */
public final class Table1Markdown {
    private Table1Markdown() { }

    public static String document(Table1 t) {
        return "# Table 1: descriptive statistics\n\n" + body(t, "##");
    }

    /** A section of another report (its panels at level 3). */
    public static String section(Table1 t) {
        return "## Table 1: descriptive statistics\n\n" + body(t, "###");
    }

    private static String body(Table1 t, String h) {
        StringBuilder b = new StringBuilder();
        b.append("Source: `").append(t.source()).append("`. Continuous: mean ± SD; median [Q1, Q3] (R's quantile type 7). Categorical: n (%"
                + " of the patients with a value). Change rows: follow-up minus baseline of the patients with both, with the p of the"
                + " Wilcoxon signed-rank test (*Wilcoxon*) and of the paired t test (*paired t*) within each group. Between groups: p of the"
                + " Mann-Whitney test (*MW*) and Welch's t test (*Welch*) for two groups, Kruskal-Wallis (*KW*) for more; for categories"
                + " the chi-square test (*chi2*, with Yates' correction for 2 x 2) or Fisher's exact test (*Fisher*) when an expected count"
                + " is below 5. Wilcoxon and Mann-Whitney p are exact for fewer than 50 values without ties (or zero differences), otherwise"
                + " normal with continuity correction, as R's wilcox.test. p not adjusted for multiplicity. Full precision: table1.csv.\n");
        for (Table1.Panel p : t.panels()) {
            b.append("\n").append(h).append(' ').append(p.title()).append("\n\n| characteristic |");
            for (Table1.Group g : p.groups()) b.append(' ').append(esc(g.label())).append(" (n = ").append(g.patients()).append(") |");
            boolean tests = p.groups().size() > 1;
            if (tests) b.append(" p (test) |");
            b.append("\n|---|");
            for (int i = 0; i < p.groups().size(); i++) b.append("---|");
            if (tests) b.append("---|");
            b.append('\n');
            for (Table1.Row r : p.rows()) {
                b.append("| ").append(esc(r.label()));
                if (r.kind() == Table1.Kind.CATEGORICAL) {
                    b.append(", n (%) |");
                    for (Table1.Cell c : r.cells()) b.append(c.missing() > 0 ? " " + c.missing() + " missing |" : " |");
                    if (tests) b.append(' ').append(between(r.between())).append(" |");
                    b.append('\n');
                    for (int l = 0; l < r.levels().size(); l++) {
                        b.append("| &nbsp;&nbsp;").append(esc(r.levels().get(l))).append(" |");
                        for (Table1.Cell c : r.cells()) b.append(' ').append(c.counts()[l]).append(" (").append(Fmt.fixed(c.percent(l), 1)).append(" %) |");
                        if (tests) b.append(" |");
                        b.append('\n');
                    }
                    continue;
                }
                b.append(" |");
                for (Table1.Cell c : r.cells()) b.append(' ').append(cell(c)).append(" |");
                if (tests) b.append(' ').append(between(r.between())).append(" |");
                b.append('\n');
            }
            for (String n : p.notes()) b.append("\n- ").append(esc(n));
            if (!p.notes().isEmpty()) b.append('\n');
        }
        return b.toString();
    }

    private static String cell(Table1.Cell c) {
        var s = c.summary();
        if (c.n() == 0) return "- (" + c.missing() + " missing)";
        StringBuilder b = new StringBuilder();
        b.append(Fmt.fixed(s.mean(), 1)).append(" ± ").append(Fmt.fixed(s.sd(), 1)).append("; ").append(num(s.median())).append(" [").append(num(s.q1()))
                .append(", ").append(num(s.q3())).append(']');
        if (c.missing() > 0) b.append("; ").append(c.missing()).append(" missing");
        if (!c.paired().isEmpty()) {
            List<String> ps = new ArrayList<>();
            for (TestResult t : c.paired()) ps.add(abbreviation(t.test()) + " p " + p(t));
            b.append("; ").append(String.join(", ", ps));
        }
        return b.toString();
    }

    private static String between(List<TestResult> tests) {
        List<String> out = new ArrayList<>();
        for (TestResult t : tests) out.add(p(t) + " (" + abbreviation(t.test()) + ")");
        return String.join("; ", out);
    }

    private static String p(TestResult t) {
        return t.computed() ? Fmt.p(t.p()) : "- (" + esc(t.note()) + ")";
    }

    static String abbreviation(String test) {
        return switch (test) {
            case org.parsreader.scoring.stats.RankTests.SIGNED_RANK -> "Wilcoxon";
            case org.parsreader.scoring.stats.RankTests.RANK_SUM -> "MW";
            case org.parsreader.scoring.stats.TTests.PAIRED -> "paired t";
            case org.parsreader.scoring.stats.TTests.WELCH -> "Welch";
            case org.parsreader.scoring.stats.KruskalWallis.TEST -> "KW";
            case org.parsreader.scoring.stats.ContingencyTests.FISHER -> "Fisher";
            case org.parsreader.scoring.stats.ContingencyTests.CHI_SQUARE -> "chi2";
            case org.parsreader.scoring.stats.ContingencyTests.CHI_SQUARE_YATES -> "chi2, Yates";
            default -> test;
        };
    }

    /** One decimal, or none for a whole number. */
    private static String num(double v) {
        if (Double.isNaN(v)) return "-";
        return v == Math.rint(v) ? Fmt.fixed(v, 0) : Fmt.fixed(v, 1);
    }

    private static String esc(String s) {
        return s.replace("|", "/");
    }
}
