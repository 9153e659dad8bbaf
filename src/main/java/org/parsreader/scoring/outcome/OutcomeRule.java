package org.parsreader.scoring.outcome;

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
 * }</pre>
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
     * Success for baseline and follow-up NRS (both present; for PPR rules NRS_0 > 0), and the
     * GPE at t (null when not recorded). Null means the follow-up needed by the rule is missing.
     */
    Boolean success(double nrs0, double nrsT, Boolean gpe);

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

    /** {@code ppr50 | ppr50-or-zero | drop:K[+gpe] | ppr:X[-or-zero]}; throws naming the text otherwise. */
    static OutcomeRule parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("ppr50")) return new PprAtLeast(50);
        if (s.equals("ppr50-or-zero")) return new PprAtLeastOrZero(50);
        Matcher m = PPR.matcher(s);
        if (m.matches()) {
            double x = Double.parseDouble(m.group(1));
            return m.group(2) == null ? new PprAtLeast(x) : new PprAtLeastOrZero(x);
        }
        m = DROP.matcher(s);
        if (m.matches()) return new PointDrop(Double.parseDouble(m.group(1)), m.group(2) != null);
        throw new IllegalArgumentException("outcome rule '" + text + "' is not one of ppr50, ppr50-or-zero, drop:K, drop:K+gpe, ppr:X, ppr:X-or-zero");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
