package org.parsreader.scoring.outcome;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One patient's row of the outcomes CSV. Missing values are absent from the maps and NaN
 * (or null) in the scalar fields; nothing missing is ever 0.
 *
 * @param line       the CSV line it came from (1 = header)
 * @param nrs        NRS per time point, "0" for baseline, in the CSV's column order
 * @param vas        VAS per time point (series {@code vas})
 * @param odi        Oswestry Disability Index per time point (0-100 %)
 * @param gpe        global perceived effect per time point: true positive, false negative
 * @param female     true female, false male, null not given
 * @param series     every outcome series ({@link OutcomeSeries}: nrs, leg_nrs, back_vas, odi ...) by name, then time point
 * @param intervention another intervention between baseline and the time point ({@code intervention_<t>}): true yes
 * @param other      the other (non-identity) columns as text, e.g. a grouping column {@code guidance}
 */
public record PatientOutcome(String pseudonym, int line, Map<String, Double> nrs, Map<String, Double> vas,
                             Map<String, Double> odi, Map<String, Boolean> gpe, double age, Boolean female,
                             double ctdivolMgy, double dlpMgyCm, double procedureMin,
                             Map<String, Map<String, Double>> series, Map<String, Boolean> intervention, Map<String, String> other) {
    public PatientOutcome {
        nrs = copy(nrs);
        vas = copy(vas);
        odi = copy(odi);
        gpe = copy(gpe);
        Map<String, Map<String, Double>> s = new LinkedHashMap<>();
        if (!nrs.isEmpty()) s.put("nrs", nrs);
        if (!vas.isEmpty()) s.put("vas", vas);
        if (!odi.isEmpty()) s.put("odi", odi);
        if (series != null) series.forEach((k, v) -> s.putIfAbsent(k, copy(v)));
        series = Collections.unmodifiableMap(s);
        intervention = copy(intervention == null ? Map.of() : intervention);
        other = copy(other == null ? Map.of() : other);
    }

    /** Without other series, interventions or text columns. */
    public PatientOutcome(String pseudonym, int line, Map<String, Double> nrs, Map<String, Double> vas, Map<String, Double> odi,
                          Map<String, Boolean> gpe, double age, Boolean female, double ctdivolMgy, double dlpMgyCm, double procedureMin) {
        this(pseudonym, line, nrs, vas, odi, gpe, age, female, ctdivolMgy, dlpMgyCm, procedureMin, null, null, null);
    }

    private static <K, V> Map<K, V> copy(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Baseline NRS, NaN when missing. */
    public double nrs0() {
        return nrs(OutcomeTable.BASELINE);
    }

    /** NRS at a time point, NaN when missing. */
    public double nrs(String timePoint) {
        Double v = nrs.get(timePoint);
        return v == null ? Double.NaN : v;
    }

    /** A series' value at a time point ({@link OutcomeTable#BASELINE} for the baseline), NaN when missing. */
    public double value(String seriesName, String timePoint) {
        Map<String, Double> m = series.get(seriesName);
        Double v = m == null ? null : m.get(timePoint);
        return v == null ? Double.NaN : v;
    }
}
