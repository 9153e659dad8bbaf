package org.parsreader.scoring.outcome;

import java.util.Map;

/**
 * One patient's row of the outcomes CSV. Missing values are absent from the maps and NaN
 * (or null) in the scalar fields; nothing missing is ever 0.
 *
 * @param line       the CSV line it came from (1 = header)
 * @param nrs        NRS per time point, "0" for baseline, in the CSV's column order
 * @param vas        VAS per time point (0-100)
 * @param odi        Oswestry Disability Index per time point (0-100 %)
 * @param gpe        global perceived effect per time point: true positive, false negative
 * @param female     true female, false male, null not given
 */
public record PatientOutcome(String pseudonym, int line, Map<String, Double> nrs, Map<String, Double> vas,
                             Map<String, Double> odi, Map<String, Boolean> gpe, double age, Boolean female,
                             double ctdivolMgy, double dlpMgyCm, double procedureMin) {
    public PatientOutcome {
        nrs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nrs));
        vas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vas));
        odi = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(odi));
        gpe = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gpe));
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
}
