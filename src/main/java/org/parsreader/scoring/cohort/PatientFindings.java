package org.parsreader.scoring.cohort;

import static org.parsreader.scoring.cohort.CohortGenerator.fv;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/** Draws one simulated patient's findings (reader 1) for the pars-injection template. */
final class PatientFindings {
    private PatientFindings() { }

    static List<FindingValue> draw(Random rnd, boolean bme) {
        double u = rnd.nextDouble();
        List<String> levels = u < 0.88 ? List.of("L5") : u < 0.98 ? List.of("L4") : List.of("L4", "L5");
        List<FindingValue> out = new ArrayList<>();
        for (String lv : levels) {
            boolean bilateral = rnd.nextDouble() < 0.85;
            Side only = rnd.nextBoolean() ? Side.LEFT : Side.RIGHT;
            boolean bmeBoth = bme && bilateral && rnd.nextDouble() < 0.45;
            Side bmeSide = bilateral ? (rnd.nextBoolean() ? Side.LEFT : Side.RIGHT) : only;
            boolean refMeasured = rnd.nextDouble() < 0.9;
            double ref = Math.round(200 + 20 * rnd.nextGaussian());
            for (Side s : Side.values()) {
                boolean defect = bilateral || s == only;
                boolean edema = bme && (bmeBoth || s == bmeSide);
                String grade = !defect ? "none" : rnd.nextDouble() < 0.8 ? "complete" : "incomplete";
                out.add(fv("pars_defect", lv, s, new Value.Choice(grade)));
                if (defect) {
                    String stage = pick(rnd, new String[] {"pre-lysis", "early", "progressive", "terminal"},
                            edema ? new double[] {0.1, 0.35, 0.45, 0.1} : new double[] {0.03, 0.12, 0.4, 0.45});
                    out.add(fv("ct_stage", lv, s, new Value.Choice(stage)));
                    if (grade.equals("complete")) out.add(fv("gap_width_mm", lv, s, new Value.Number(round(0.5 + 4.5 * rnd.nextDouble(), 1))));
                }
                out.add(fv("bme_isthmic", lv, s, new Value.Flag(edema)));
                if (edema) {
                    out.add(fv("bme_location", lv, s, new Value.Choices(rnd.nextDouble() < 0.5 ? List.of("pars") : List.of("pars", "pedicle"))));
                }
                if (refMeasured) {
                    double factor = edema ? 1.6 + 0.2 * rnd.nextGaussian() : 1.05 + 0.05 * rnd.nextGaussian();
                    out.add(fv("bme_roi_mean", lv, s, new Value.Number(Math.max(1, Math.round(ref * factor)))));
                    out.add(fv("bme_ref_mean", lv, s, new Value.Number(ref)));
                    out.add(fv("bme_ref_type", lv, s, new Value.Choice("normal_marrow")));
                }
                String hollenberg = !defect ? (edema ? "1" : "0") : grade.equals("complete") ? (edema ? "3" : "4") : "2";
                out.add(fv("hollenberg", lv, s, new Value.Choice(hollenberg)));
            }
            double slip = bilateral ? round(35 * Math.pow(rnd.nextDouble(), 1.5), 1) : round(6 * rnd.nextDouble(), 1);
            out.add(fv("slip_pct", lv, null, new Value.Number(slip)));
            out.add(fv("meyerding", lv, null, new Value.Choice(slip < 2 ? "none" : slip <= 25 ? "I" : slip <= 50 ? "II" : "III")));
            out.add(fv("pfirrmann", lv, null, new Value.Choice(pick(rnd, new String[] {"1", "2", "3", "4", "5"}, new double[] {0.05, 0.3, 0.35, 0.22, 0.08}))));
            out.add(fv("modic", lv, null, new Value.Choice(pick(rnd, new String[] {"0", "1", "2", "3"}, new double[] {0.7, 0.1, 0.17, 0.03}))));
            for (Side s : Side.values()) {
                out.add(fv("facet_weishaupt", lv, s, new Value.Choice(pick(rnd, new String[] {"0", "1", "2", "3"}, new double[] {0.3, 0.4, 0.2, 0.1}))));
                out.add(fv("foraminal_lee", lv, s, new Value.Choice(pick(rnd, new String[] {"0", "1", "2", "3"}, new double[] {0.45, 0.35, 0.15, 0.05}))));
            }
            boolean oneSide = rnd.nextDouble() < 0.05;
            for (Side s : Side.values()) {
                if (oneSide && s != only) continue;
                out.add(fv("needle_tip", lv, s, new Value.Choice(pick(rnd, new String[] {"intra-defect", "peri-defect", "other"}, new double[] {0.75, 0.2, 0.05}))));
                List<String> reached = new ArrayList<>();
                for (int c = 0; c < CohortGenerator.COMPARTMENTS.length; c++) {
                    if (rnd.nextDouble() < CohortGenerator.COMPARTMENT_P[c]) reached.add(CohortGenerator.COMPARTMENTS[c]);
                }
                if (reached.isEmpty()) reached.add("paraspinal_soft_tissue");
                out.add(fv("contrast_compartments", lv, s, new Value.Choices(reached)));
                out.add(fv("contrast_volume_ml", lv, s, new Value.Number(round(0.2 + 1.0 * rnd.nextDouble(), 2))));
            }
        }
        return out;
    }

    /** The same findings with {@code compartment} added to the first injection's contrast compartments. */
    static List<FindingValue> addCompartment(List<FindingValue> values, String compartment) {
        List<FindingValue> out = new ArrayList<>(values);
        for (int i = 0; i < out.size(); i++) {
            FindingValue v = out.get(i);
            if (v.finding().equals("contrast_compartments")) {
                List<String> c = new ArrayList<>(((Value.Choices) v.value()).values());
                c.add(compartment);
                out.set(i, fv(v.finding(), v.level(), v.side(), new Value.Choices(c)));
                break;
            }
        }
        return out;
    }

    static String pick(Random rnd, String[] values, double[] p) {
        double u = rnd.nextDouble();
        for (int i = 0; i < values.length; i++) {
            u -= p[i];
            if (u < 0) return values[i];
        }
        return values[values.length - 1];
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
