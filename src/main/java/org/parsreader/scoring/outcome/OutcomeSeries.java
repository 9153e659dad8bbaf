package org.parsreader.scoring.outcome;

import java.util.List;
import java.util.Locale;

/**
 * One declared outcome series of the outcomes CSV: a measure (NRS, VAS, ODI) of one pain
 * region or of the whole, with its scale and time points. The columns are
 * {@code <series>_<t>}: {@code nrs_0, nrs_15min} (series {@code nrs}), {@code leg_nrs_0,
 * leg_nrs_4wk} (series {@code leg_nrs}), {@code back_vas_0}, {@code odi_1month} ...; {@code _0}
 * is the baseline. Scales: NRS 0-10; VAS 0-100 unless declared 0-10; ODI 0-100 %. A scale
 * is declared by a line before the header, {@code # scale vas 0-10} (every VAS series) or
 * {@code # scale back_vas 0-10} (one series).
 *
 * @param name       the column prefix: {@code nrs}, {@code leg_nrs}, {@code odi} ...
 * @param measure    {@code nrs}, {@code vas} or {@code odi}
 * @param timePoints follow-up time points in column order (without the baseline)
 * @param baseline   whether the series has a {@code _0} column
 * @param declared   whether the scale was declared in the file (otherwise the measure's default)
 */
public record OutcomeSeries(String name, String measure, double min, double max, List<String> timePoints, boolean baseline,
                            boolean declared) {
    public static final List<String> MEASURES = List.of("nrs", "vas", "odi");

    public OutcomeSeries {
        timePoints = List.copyOf(timePoints);
    }

    /** The region part of the name ("leg" of leg_nrs), empty for the whole. */
    public String region() {
        return name.equals(measure) ? "" : name.substring(0, name.length() - measure.length() - 1);
    }

    /** "leg NRS 0-10", "ODI 0-100 %". */
    public String label() {
        String r = region();
        return (r.isEmpty() ? "" : r.replace('_', ' ') + " ") + measure.toUpperCase(Locale.ROOT) + " " + num(min) + "-" + num(max)
                + (measure.equals("odi") ? " %" : "");
    }

    /** The CSV column of a time point ({@link OutcomeTable#BASELINE} for the baseline). */
    public String column(String timePoint) {
        return name + "_" + timePoint;
    }

    /** The measure's default scale, or the allowed declared one; throws naming the measure otherwise. */
    static double[] scale(String measure, double min, double max) {
        boolean ok = switch (measure) {
            case "nrs" -> min == 0 && max == 10;
            case "vas" -> min == 0 && (max == 10 || max == 100);
            case "odi" -> min == 0 && max == 100;
            default -> false;
        };
        if (!ok) throw new IllegalArgumentException("scale " + num(min) + "-" + num(max) + " is not a scale of " + measure.toUpperCase(Locale.ROOT)
                + " (NRS 0-10, VAS 0-10 or 0-100, ODI 0-100)");
        return new double[] {min, max};
    }

    static double defaultMax(String measure) {
        return measure.equals("nrs") ? 10 : 100;
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
