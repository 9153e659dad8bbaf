package org.parsreader.scoring.outcome;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a patient counts as a success at a time point t. PPR_t = 100 (NRS_0 - NRS_t) / NRS_0
 * may be negative (pain got worse) and is undefined when NRS_0 = 0: rules that use it
 * ({@link #usesPpr()}) exclude such patients, and the count is reported.
 *
 * <pre>{@code
 * OutcomeRule rule = OutcomeRule.parse("ppr50");          // PPR >= 50 %, the default
 * OutcomeRule.parse("ppr50-or-zero");                      // PPR >= 50 % or NRS_t = 0
 * OutcomeRule.parse("drop:2+gpe");                         // NRS drop >= 2 and a positive GPE
 * OutcomeRule.parse("ppr:30");                             // PPR >= 30 %
 * OutcomeRule.parse("drop:2@leg_nrs+gpe+no-intervention"); // leg pain, GPE, no other intervention
 * OutcomeRule.parse("drop:10@odi|ppr:30@odi");             // ODI drop >= 10 points or >= 30 %
 * }</pre>
 *
 * <p>The grammar ({@link #parse}): a rule is one or more alternatives separated by {@code |}
 * (or); an alternative is one or more conditions joined by {@code +} (and; {@code +} binds
 * tighter, no parentheses). Conditions: {@code ppr:X[@series]} (percent reduction
 * 100 (v_0 - v_t) / v_0 >= X; {@code ppr50} = {@code ppr:50}), {@code drop:K[@series]}
 * (v_0 - v_t >= K points), {@code zero[@series]} (v_t = 0), {@code gpe} (positive global
 * perceived effect at t), {@code no-intervention} (no other intervention between baseline
 * and t, column {@code intervention_<t>}). The series is {@code nrs} unless named
 * ({@code @leg_nrs}, {@code @back_vas}, {@code @odi}); the time points of a rule are those of
 * its first series. A patient is analysed at t only when every value the rule names is
 * there (strict complete case; the missing follow-up rule then applies), and a rule with a
 * percent reduction leaves out a baseline of 0.
 */
public sealed interface OutcomeRule {
    OutcomeRule DEFAULT = new PprAtLeast(50);

    /** PPR_t >= percent. */
    record PprAtLeast(double percent) implements OutcomeRule {
        @Override public Boolean success(double nrs0, double nrsT, Boolean gpe) {
            return OutcomeRule.ppr(nrs0, nrsT) >= percent;
        }

        @Override public String label() { return "PPR >= " + num(percent) + " %"; }

        @Override public String key() { return percent == 50 ? "ppr50" : "ppr:" + num(percent); }

        @Override public boolean usesPpr() { return true; }
    }

    /** PPR_t >= percent, or no pain at all at t (earlier CT-guided pars injection series). */
    record PprAtLeastOrZero(double percent) implements OutcomeRule {
        @Override public Boolean success(double nrs0, double nrsT, Boolean gpe) {
            return nrsT == 0 || OutcomeRule.ppr(nrs0, nrsT) >= percent;
        }

        @Override public String label() { return "PPR >= " + num(percent) + " % or NRS_t = 0"; }

        @Override public String key() { return percent == 50 ? "ppr50-or-zero" : "ppr:" + num(percent) + "-or-zero"; }

        @Override public boolean usesPpr() { return true; }
    }

    /**
     * NRS_0 - NRS_t >= points; with {@code requirePositiveGpe} also a positive global
     * perceived effect at t (a missing GPE then makes the follow-up missing).
     */
    record PointDrop(double points, boolean requirePositiveGpe) implements OutcomeRule {
        public PointDrop {
            if (!(points > 0)) throw new IllegalArgumentException("an NRS drop rule needs a positive number of points, got " + points);
        }

        @Override public Boolean success(double nrs0, double nrsT, Boolean gpe) {
            if (requirePositiveGpe && gpe == null) return null;
            return nrs0 - nrsT >= points && (!requirePositiveGpe || gpe);
        }

        @Override public String label() {
            return "NRS drop >= " + num(points) + " points" + (requirePositiveGpe ? " and positive global perceived effect" : "");
        }

        @Override public String key() { return "drop:" + num(points) + (requirePositiveGpe ? "+gpe" : ""); }

        @Override public boolean usesPpr() { return false; }
    }

    /**
     * A rule composed by the grammar of {@link #parse}: alternatives ({@code |}) of
     * conjunctions ({@code +}) of {@link RuleAtom}s.
     */
    record Composite(List<List<RuleAtom>> alternatives) implements OutcomeRule {
        public Composite {
            alternatives = alternatives.stream().map(List::copyOf).toList();
            if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("an outcome rule needs at least one condition");
            }
        }

        @Override public Verdict evaluate(PatientOutcome p, String t) {
            // strict complete case: every value the rule names must be there
            Verdict worst = null;
            boolean any = false;
            for (List<RuleAtom> all : alternatives) {
                boolean ok = true;
                for (RuleAtom a : all) {
                    Verdict v = a.test(p, t);
                    if (v != Verdict.TRUE && v != Verdict.FALSE) worst = worse(worst, v);
                    ok &= v == Verdict.TRUE;
                }
                any |= ok;
            }
            return worst != null ? worst : any ? Verdict.TRUE : Verdict.FALSE;
        }

        private static Verdict worse(Verdict a, Verdict b) {
            return a == null || b.compareTo(a) > 0 ? b : a;
        }

        @Override public String label() {
            return String.join(" or ", alternatives.stream().map(all -> String.join(" and ", all.stream().map(RuleAtom::label).toList())).toList());
        }

        @Override public String key() {
            return String.join("|", alternatives.stream().map(all -> String.join("+", all.stream().map(RuleAtom::key).toList())).toList());
        }

        @Override public boolean usesPpr() {
            return atoms().anyMatch(a -> a instanceof RuleAtom.PercentDrop);
        }

        @Override public String series() {
            return atoms().map(RuleAtom::series).filter(java.util.Objects::nonNull).findFirst().orElse("nrs");
        }

        java.util.stream.Stream<RuleAtom> atoms() {
            return alternatives.stream().flatMap(List::stream);
        }

        /** The columns the rule reads at t. */
        public List<String> columns(String t) {
            return atoms().map(a -> a.column(t)).distinct().toList();
        }
    }

    /** What a rule says for one patient at one time point; the baseline problems win over a missing follow-up. */
    enum Verdict { TRUE, FALSE, MISSING, BASELINE_ZERO, BASELINE_MISSING }

    /**
     * Success for baseline and follow-up NRS (both present; for PPR rules NRS_0 > 0), and the
     * GPE at t (null when not recorded). Null means the follow-up needed by the rule is missing.
     * Only for rules on the NRS alone; {@link Composite} rules are evaluated by {@link #evaluate}.
     */
    default Boolean success(double nrs0, double nrsT, Boolean gpe) {
        throw new UnsupportedOperationException("rule " + key() + " reads more than the NRS; use evaluate(patient, time point)");
    }

    /** The rule for one patient at a time point. */
    default Verdict evaluate(PatientOutcome p, String t) {
        double n0 = p.nrs0();
        double nt = p.nrs(t);
        if (Double.isNaN(n0)) return Verdict.BASELINE_MISSING;
        if (usesPpr() && n0 == 0) return Verdict.BASELINE_ZERO;
        if (Double.isNaN(nt)) return Verdict.MISSING;
        Boolean ok = success(n0, nt, p.gpe().get(t));
        return ok == null ? Verdict.MISSING : ok ? Verdict.TRUE : Verdict.FALSE;
    }

    /** The series whose time points the rule is evaluated at (its first). */
    default String series() {
        return "nrs";
    }

    /**
     * The time points this rule is evaluated at in {@code table}: those of its series. Throws,
     * naming the rule, the column and the file, when the rule names a series or column the
     * table does not have, or a time point where no patient has a value.
     */
    default List<String> timePoints(OutcomeTable table) {
        return timePoints(table, List.of());
    }

    /**
     * As {@link #timePoints(OutcomeTable)}, restricted to {@code selected} (all when empty), in
     * the series' order; a selected time point the series does not have is an error naming it.
     */
    default List<String> timePoints(OutcomeTable table, List<String> selected) {
        if (!table.hasSeries(series())) {
            throw new IllegalArgumentException("outcome rule '" + key() + "' reads series " + series() + " (columns " + series() + "_0, "
                    + series() + "_<t>), which " + table.source() + " does not have; its series: "
                    + table.series().stream().map(OutcomeSeries::name).toList());
        }
        OutcomeSeries main = table.series(series());
        if (!main.baseline()) throw new IllegalArgumentException(table.source() + " has no baseline column " + main.column(OutcomeTable.BASELINE)
                + " for outcome rule '" + key() + "'");
        for (String t : selected) {
            if (!main.timePoints().contains(t)) {
                throw new IllegalArgumentException("time point '" + t + "' is not a follow-up of " + main.name() + " in " + table.source()
                        + " (no column " + main.column(t) + "); it has " + main.timePoints());
            }
        }
        List<String> chosen = selected.isEmpty() ? main.timePoints() : main.timePoints().stream().filter(selected::contains).toList();
        for (String t : chosen) {
            List<String> cols = this instanceof Composite c ? c.columns(t) : List.of(main.column(t));
            for (String col : cols) {
                if (!table.patients().isEmpty() && !anyValue(table, col, t)) {
                    throw new IllegalArgumentException("outcome rule '" + key() + "' needs column " + col + " at time point " + t
                            + ", but no patient of " + table.source() + " has a value there (the column is missing or empty; choose time points with"
                            + " --time-points)");
                }
            }
        }
        return chosen;
    }

    private static boolean anyValue(OutcomeTable table, String column, String t) {
        for (PatientOutcome p : table.patients()) {
            if (column.equals("gpe_" + t) ? p.gpe().containsKey(t) : column.equals("intervention_" + t) ? p.intervention().containsKey(t)
                    : !Double.isNaN(p.value(column.substring(0, column.length() - t.length() - 1), t))) return true;
        }
        return false;
    }

    /** For reports: "PPR >= 50 %". */
    String label();

    /** The command-line form, which {@link #parse} reads back. */
    String key();

    /** Whether the rule needs PPR (and so excludes NRS_0 = 0). */
    boolean usesPpr();

    /** 100 (NRS_0 - NRS_t) / NRS_0; NaN when NRS_0 = 0 or a value is missing. */
    static double ppr(double nrs0, double nrsT) {
        if (!(nrs0 > 0) || Double.isNaN(nrsT)) return Double.NaN;
        return 100 * (nrs0 - nrsT) / nrs0;
    }

    Pattern PPR = Pattern.compile("ppr:(\\d+(?:\\.\\d+)?)(-or-zero)?");
    Pattern DROP = Pattern.compile("drop:(\\d+(?:\\.\\d+)?)(\\+gpe)?");

    Pattern ATOM = Pattern.compile("(ppr|drop):(\\d+(?:\\.\\d+)?)(?:@([a-z][a-z0-9_]*))?|(ppr50|zero)(?:@([a-z][a-z0-9_]*))?|gpe|no-intervention");

    /**
     * {@code ppr50 | ppr50-or-zero | drop:K[+gpe] | ppr:X[-or-zero]} (the NRS rules), or a rule of
     * the grammar in the class comment; throws naming the text and the part not understood.
     */
    static OutcomeRule parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (s.equals("ppr50")) return new PprAtLeast(50);
        if (s.equals("ppr50-or-zero")) return new PprAtLeastOrZero(50);
        Matcher m = PPR.matcher(s);
        if (m.matches()) {
            double x = Double.parseDouble(m.group(1));
            return m.group(2) == null ? new PprAtLeast(x) : new PprAtLeastOrZero(x);
        }
        m = DROP.matcher(s);
        if (m.matches()) return new PointDrop(Double.parseDouble(m.group(1)), m.group(2) != null);
        List<List<RuleAtom>> alternatives = new java.util.ArrayList<>();
        for (String alt : s.split("\\|", -1)) {
            List<RuleAtom> all = new java.util.ArrayList<>();
            for (String a : alt.split("\\+", -1)) all.add(atom(a, text));
            alternatives.add(all);
        }
        return new Composite(alternatives);
    }

    private static RuleAtom atom(String a, String text) {
        Matcher m = ATOM.matcher(a);
        if (!m.matches()) {
            throw new IllegalArgumentException("outcome rule '" + text + "': '" + a + "' is not a condition; conditions: ppr:X[@series],"
                    + " drop:K[@series], zero[@series], gpe, no-intervention, joined by + (and) and | (or); e.g. drop:2@leg_nrs+gpe+no-intervention,"
                    + " drop:10@odi|ppr:30@odi (or one of ppr50, ppr50-or-zero, drop:K, drop:K+gpe, ppr:X, ppr:X-or-zero)");
        }
        if (a.equals("gpe")) return new RuleAtom.PositiveGpe();
        if (a.equals("no-intervention")) return new RuleAtom.NoIntervention();
        if (m.group(4) != null) {
            String series = m.group(5) == null ? "nrs" : m.group(5);
            return m.group(4).equals("zero") ? new RuleAtom.Zero(series) : new RuleAtom.PercentDrop(series, 50);
        }
        String series = m.group(3) == null ? "nrs" : m.group(3);
        double v = Double.parseDouble(m.group(2));
        if (m.group(1).equals("drop")) {
            if (!(v > 0)) throw new IllegalArgumentException("outcome rule '" + text + "': a drop needs a positive number of points, got " + a);
            return new RuleAtom.PointDrop(series, v);
        }
        return new RuleAtom.PercentDrop(series, v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
