package org.parsreader.scoring.cohort;

import static org.parsreader.scoring.cohort.CohortGenerator.fv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.Value;

/** Reader 2: reader 1's findings with realistic disagreements. */
final class SecondReader {
    /** Ordered grades and their scales; a disagreement is one step. */
    private static final Map<String, List<String>> SCALES = Map.of(
            "pars_defect", List.of("none", "incomplete", "complete"),
            "ct_stage", List.of("pre-lysis", "early", "progressive", "terminal"),
            "hollenberg", List.of("0", "1", "2", "3", "4"),
            "meyerding", List.of("none", "I", "II", "III", "IV", "V"),
            "pfirrmann", List.of("1", "2", "3", "4", "5"),
            "facet_weishaupt", List.of("0", "1", "2", "3"),
            "foraminal_lee", List.of("0", "1", "2", "3"));

    private SecondReader() { }

    static List<FindingValue> perturb(Random rnd, List<FindingValue> r1) {
        List<FindingValue> out = new ArrayList<>();
        for (FindingValue v : r1) {
            if (rnd.nextDouble() < 0.01) continue;      // not recorded
            out.add(fv(v.finding(), v.level(), v.side(), change(rnd, v.finding(), v.value())));
        }
        return out;
    }

    static Value change(Random rnd, String finding, Value v) {
        List<String> scale = SCALES.get(finding);
        if (v instanceof Value.Flag f) return rnd.nextDouble() < 0.07 ? new Value.Flag(!f.value()) : f;
        if (v instanceof Value.Choice c && scale != null) {
            if (rnd.nextDouble() >= 0.15) return c;
            int k = scale.indexOf(c.value()) + (rnd.nextBoolean() ? 1 : -1);
            return k < 0 || k >= scale.size() ? c : new Value.Choice(scale.get(k));
        }
        if (v instanceof Value.Choice c && finding.equals("needle_tip")) {
            return rnd.nextDouble() < 0.08 ? new Value.Choice(c.value().equals("intra-defect") ? "peri-defect" : "intra-defect") : c;
        }
        if (v instanceof Value.Choice c && finding.equals("modic")) {
            return rnd.nextDouble() < 0.1 ? new Value.Choice(c.value().equals("0") ? "2" : "0") : c;
        }
        if (v instanceof Value.Number n) {
            double x = n.value();
            return new Value.Number(switch (finding) {
                case "gap_width_mm" -> PatientFindings.round(Math.max(0.1, x + 0.3 * rnd.nextGaussian()), 1);
                case "slip_pct" -> PatientFindings.round(Math.max(0, x + 2 * rnd.nextGaussian()), 1);
                case "contrast_volume_ml" -> PatientFindings.round(Math.max(0.05, x + 0.05 * rnd.nextGaussian()), 2);
                case "bme_roi_mean", "bme_ref_mean" -> Math.max(1, Math.round(x * (1 + 0.05 * rnd.nextGaussian())));
                default -> x;
            });
        }
        if (v instanceof Value.Choices cs && finding.equals("contrast_compartments")) {
            List<String> c = new ArrayList<>(cs.values());
            for (String comp : CohortGenerator.COMPARTMENTS) {
                if (rnd.nextDouble() < 0.06) {
                    if (c.contains(comp)) c.remove(comp);
                    else c.add(comp);
                }
            }
            if (c.isEmpty()) c.add("paraspinal_soft_tissue");
            return new Value.Choices(c);
        }
        return v;
    }
}
