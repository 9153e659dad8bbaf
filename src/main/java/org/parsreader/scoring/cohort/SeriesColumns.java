package org.parsreader.scoring.cohort;

import java.util.Locale;
import java.util.Random;

/**
 * The outcome columns of the simulated cohort added for issue 15: leg and back NRS at
 * baseline, 15 min and 1 month, ODI at baseline and 1 month, another intervention by 1 month
 * and the guidance group (CT or fluoroscopy, CT about 5 ODI points better). Responders of the
 * NRS rule improve in the leg and the ODI too; lost patients have no 1-month values.
 */
final class SeriesColumns {
    static final String HEADER = "leg_nrs_0,leg_nrs_15min,leg_nrs_1month,back_nrs_0,back_nrs_15min,back_nrs_1month,odi_0,odi_1month,"
            + "intervention_1month,guidance";

    private SeriesColumns() { }

    static String draw(Random r, int nrs0, boolean s15, boolean s1m, boolean lost) {
        boolean ct = r.nextDouble() < 0.5;
        int leg0 = clamp((int) Math.round(nrs0 + 0.5 + 1.2 * r.nextGaussian()), 1, 10);
        int back0 = clamp((int) Math.round(nrs0 - 0.5 + 1.2 * r.nextGaussian()), 1, 10);
        int leg15 = after(r, leg0, s15);
        int leg1m = after(r, leg0, s1m);
        int back15 = after(r, back0, s15 && r.nextDouble() < 0.8);
        int back1m = after(r, back0, s1m && r.nextDouble() < 0.8);
        int odi0 = clamp((int) Math.round(38 + 12 * r.nextGaussian() + 2 * (nrs0 - 5.7)), 4, 90);
        double fall = s1m ? 8 + 14 * r.nextDouble() : -4 + 10 * r.nextDouble();
        int odi1m = clamp((int) Math.round(odi0 - fall - (ct ? 5 : 0) + 4 * r.nextGaussian()), 0, 100);
        boolean other = r.nextDouble() < (s1m ? 0.03 : 0.12);
        return String.format(Locale.ROOT, "%d,%d,%s,%d,%d,%s,%d,%s,%s,%s", leg0, leg15, lost ? "" : Integer.toString(leg1m), back0, back15,
                lost ? "" : Integer.toString(back1m), odi0, lost ? "" : Integer.toString(odi1m), lost ? "" : other ? "yes" : "no",
                ct ? "CT" : "fluoroscopy");
    }

    /** Follow-up pain: at least a halving for a responder, otherwise a small change either way. */
    private static int after(Random r, int base, boolean responder) {
        if (responder) return (int) Math.floor(base * (0.2 + 0.3 * r.nextDouble()));
        return clamp((int) Math.round(base * (0.6 + 0.6 * r.nextDouble())), 0, 10);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
