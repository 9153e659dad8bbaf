package org.parsreader.scoring.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A continuous outcome at a time point t, analysed by linear regression: {@code ppr[@series]}
 * (percent reduction 100 (v_0 - v_t) / v_0, undefined when v_0 = 0) or {@code change[@series]}
 * (v_t - v_0, negative when pain or disability fell). The series is {@code nrs} unless named
 * ({@code change@odi}, {@code ppr@leg_nrs}).
 *
 * <pre>{@code
 * List<ContinuousOutcome> o = ContinuousOutcome.parseList("ppr,change@odi");
 * double y = o.get(1).value(patient, "1month");
 * }</pre>
 */
public record ContinuousOutcome(Kind kind, String series) {
    public enum Kind { PPR, CHANGE }

    private static final Pattern FORM = Pattern.compile("(ppr|change)(?:@([a-z][a-z0-9_]*))?");

    /** {@code ppr}, {@code change@odi}: what {@link #parse} reads back. */
    public String key() {
        return kind.name().toLowerCase(Locale.ROOT) + (series.equals("nrs") ? "" : "@" + series);
    }

    /** "PPR of nrs (%)", "change of odi (points)". */
    public String label() {
        return kind == Kind.PPR ? "percent reduction of " + series + " (%)" : "change of " + series + " (t - baseline, points)";
    }

    /** A file-name-safe form: ppr_nrs, change_odi. */
    public String fileKey() {
        return kind.name().toLowerCase(Locale.ROOT) + "_" + series;
    }

    /** The value for one patient at t; NaN when a value is missing or the PPR is undefined. */
    public double value(PatientOutcome p, String t) {
        double b = p.value(series, OutcomeTable.BASELINE), v = p.value(series, t);
        if (kind == Kind.CHANGE) return v - b;
        return b > 0 ? 100 * (b - v) / b : Double.NaN;
    }

    /** The time points of the series in {@code table}; throws naming the series, the file and the empty columns otherwise. */
    public List<String> timePoints(OutcomeTable table) {
        if (!table.hasSeries(series)) {
            throw new IllegalArgumentException("continuous outcome '" + key() + "' reads series " + series + ", which " + table.source()
                    + " does not have; its series: " + table.series().stream().map(OutcomeSeries::name).toList());
        }
        OutcomeSeries s = table.series(series);
        for (String t : s.timePoints()) {
            if (!table.patients().isEmpty() && !table.anyValue(series, t)) {
                throw new IllegalArgumentException("continuous outcome '" + key() + "': no patient of " + table.source() + " has a value in "
                        + s.column(t) + " (time point " + t + ")");
            }
        }
        return s.timePoints();
    }

    public static ContinuousOutcome parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("continuous outcome '" + text + "' is not ppr[@series] or change[@series]"
                    + " (e.g. ppr, change@odi, change@leg_nrs)");
        }
        return new ContinuousOutcome(m.group(1).equals("ppr") ? Kind.PPR : Kind.CHANGE, m.group(2) == null ? "nrs" : m.group(2));
    }

    /** A comma-separated list; empty text gives none. */
    public static List<ContinuousOutcome> parseList(String text) {
        List<ContinuousOutcome> out = new ArrayList<>();
        if (text == null) return out;
        for (String part : text.split(",")) if (!part.isBlank() && out.stream().noneMatch(o -> o.equals(parse(part)))) out.add(parse(part));
        return out;
    }
}
