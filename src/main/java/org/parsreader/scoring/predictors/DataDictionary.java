package org.parsreader.scoring.predictors;

import static org.parsreader.scoring.predictors.PredictorDef.binary;
import static org.parsreader.scoring.predictors.PredictorDef.continuous;
import static org.parsreader.scoring.predictors.PredictorDef.ordinal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.parsreader.findings.ReadingTemplate;

/**
 * Every column of the predictor table with its name, type, role, roll-up rule and
 * definition, in table order: findings predictors, patient predictors, then per time point
 * {@code ppr_<t>} and {@code success_<t>}, then descriptive columns.
 *
 * <pre>{@code
 * DataDictionary d = DataDictionary.parsInjection(ReadingTemplate.builtIn("pars-injection"), List.of("15min", "1month"));
 * System.out.print(d.format());
 * }</pre>
 */
public record DataDictionary(List<PredictorDef> entries) {
    public DataDictionary {
        entries = List.copyOf(entries);
    }

    /** The columns for the {@code pars-injection} template and the given follow-up time points. */
    public static DataDictionary parsInjection(ReadingTemplate t, List<String> timePoints) {
        List<PredictorDef> e = new ArrayList<>(findingsPredictors(t));
        e.add(continuous("age", RollUp.PATIENT, "Age at the injection, from the outcomes CSV.", "years"));
        e.add(binary("sex", RollUp.PATIENT, "Sex from the outcomes CSV.").withCoding("0 male, 1 female"));
        e.add(continuous("nrs_baseline", RollUp.PATIENT, "Pain before the injection, NRS 0-10 (nrs_0).", "NRS points"));
        for (String tp : timePoints) {
            e.add(new PredictorDef("ppr_" + tp, PredictorType.CONTINUOUS, ColumnRole.OUTCOME, RollUp.PATIENT,
                    "Percentage pain reduction at " + tp + ": 100 (NRS_0 - NRS_" + tp + ") / NRS_0; may be negative; missing when NRS_0 = 0.",
                    "%", List.of()));
            e.add(new PredictorDef("success_" + tp, PredictorType.BINARY, ColumnRole.OUTCOME, RollUp.PATIENT,
                    "Success at " + tp + " under the outcome rule of the run (see the report); missing when not analysed.",
                    "0 failure, 1 success", List.of(0, 1)));
        }
        e.add(new PredictorDef("ctdivol_mgy", PredictorType.CONTINUOUS, ColumnRole.DESCRIPTIVE, RollUp.PATIENT, "CT dose index of the procedure.", "mGy", List.of()));
        e.add(new PredictorDef("dlp_mgycm", PredictorType.CONTINUOUS, ColumnRole.DESCRIPTIVE, RollUp.PATIENT, "Dose-length product of the procedure.", "mGy*cm", List.of()));
        e.add(new PredictorDef("procedure_min", PredictorType.CONTINUOUS, ColumnRole.DESCRIPTIVE, RollUp.PATIENT, "Procedure time.", "min", List.of()));
        return new DataDictionary(e);
    }

    /** The predictors derived from findings, in table order. */
    static List<PredictorDef> findingsPredictors(ReadingTemplate t) {
        List<PredictorDef> e = new ArrayList<>();
        e.add(binary("bme_isthmic_any", RollUp.ANY, "Isthmic bone-marrow edema (bme_isthmic) on either side of an injected level."));
        e.add(binary("bme_isthmic_bilateral", RollUp.BILATERAL, "Isthmic bone-marrow edema on both sides of an injected level."));
        e.add(continuous("bme_ratio_max", RollUp.MAX, "Largest edema contrast ratio CR = (SI_edema - SI_ref) / (SI_edema + SI_ref) from bme_roi_mean and bme_ref_mean of one side, in tenths (odds ratios are per 0.1 of CR).", "10 x CR (-10..10)"));
        e.add(ordinal("hollenberg_max", RollUp.WORST, "Highest Hollenberg grade at an injected level.", "0-4 (Hollenberg grade)", List.of(0, 1, 2, 3, 4)));
        e.add(binary("hollenberg_active", RollUp.ANY, "Hollenberg grade 3 (complete fracture with edema, active) on either side of an injected level."));
        e.add(ordinal("pars_defect_worst", RollUp.WORST, "Worst pars defect at an injected level.", coding(t, "pars_defect"), scale(t, "pars_defect")));
        e.add(ordinal("ct_stage_worst", RollUp.WORST, "Most advanced CT stage of the pars lesion at an injected level.", coding(t, "ct_stage"), scale(t, "ct_stage")));
        e.add(continuous("defect_width_max_mm", RollUp.MAX, "Widest pars defect gap (gap_width_mm) at an injected level.", "mm"));
        e.add(continuous("slip_pct", RollUp.MAX, "Listhesis of the injected level over the one below, % of the endplate (largest if several levels).", "%"));
        e.add(ordinal("meyerding_grade", RollUp.WORST, "Meyerding grade of the segment below the injected level.", coding(t, "meyerding"), scale(t, "meyerding")));
        e.add(ordinal("pfirrmann_index", RollUp.WORST, "Pfirrmann grade of the disc below the injected level (worst if several levels).", "1-5 (Pfirrmann grade)", List.of(1, 2, 3, 4, 5)));
        e.add(binary("modic_any", RollUp.ANY, "Modic change of any type (1-3) at the segment below an injected level."));
        e.add(ordinal("facet_oa_max", RollUp.MAX, "Highest Weishaupt facet arthropathy grade of the segment below, either side.", "0-3 (Weishaupt)", List.of(0, 1, 2, 3)));
        e.add(ordinal("foraminal_max", RollUp.MAX, "Highest Lee foraminal stenosis grade of the segment below, either side.", "0-3 (Lee)", List.of(0, 1, 2, 3)));
        e.add(binary("needle_intradefect_any", RollUp.ANY, "Needle tip in the defect (needle_tip intra-defect) in any injection."));
        for (String c : compartments(t)) {
            e.add(binary("contrast_" + c + "_any", RollUp.ANY, "Contrast reached " + c.replace('_', ' ') + " in any injection (contrast_compartments)."));
        }
        e.add(binary("contrast_intradefect_bilateral", RollUp.BILATERAL, "Contrast in the pars defect on both sides of an injected level."));
        e.add(new PredictorDef("contrast_n_compartments", PredictorType.COUNT, ColumnRole.PREDICTOR, RollUp.UNION,
                "Number of distinct compartments the contrast reached over all injections.", "count", List.of()));
        e.add(continuous("contrast_total_ml", RollUp.SUM, "Total contrast volume (contrast_volume_ml) over all injections.", "mL"));
        return e;
    }

    static List<String> compartments(ReadingTemplate t) {
        return finding(t, "contrast_compartments").values();
    }

    static ReadingTemplate.FindingType finding(ReadingTemplate t, String id) {
        return t.finding(id).orElseThrow(() -> new PredictorException("template " + t.id() + " " + t.version()
                + " has no finding '" + id + "'; the pars predictors need the pars-injection template"));
    }

    private static String coding(ReadingTemplate t, String id) {
        List<String> v = finding(t, id).values();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.size(); i++) b.append(i == 0 ? "" : ", ").append(i).append(' ').append(v.get(i));
        return b.toString();
    }

    private static List<Integer> scale(ReadingTemplate t, String id) {
        return IntStream.range(0, finding(t, id).values().size()).boxed().toList();
    }

    /** Index of a column by name; throws naming the column when there is none. */
    public int index(String name) {
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("no column '" + name + "' in the data dictionary");
    }

    public PredictorDef get(String name) {
        return entries.get(index(name));
    }

    /** The column's human-readable name ("Isthmic bone-marrow edema, either side"); the column name when none is known. */
    public String label(String name) {
        return PredictorLabels.of(name).text();
    }

    /** Where the column comes from (MRI, CT, injection, patient; OTHER when unknown). */
    public Domain domain(String name) {
        return PredictorLabels.of(name).domain();
    }

    /**
     * What one step of an odds ratio of the column means: "yes vs no" (binary; "female vs male"
     * for sex), "per grade" (ordinal), "per mm" (continuous: its unit), "per count".
     */
    public String effectUnit(String name) {
        String special = PredictorLabels.UNITS.get(name);
        if (special != null) return special;
        PredictorDef d = entries.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
        if (d == null) return "";
        return switch (d.type()) {
            case BINARY -> "yes vs no";
            case ORDINAL -> "per grade";
            case COUNT -> "per " + (d.coding().isEmpty() ? "count" : d.coding());
            case CONTINUOUS -> d.coding().isEmpty() ? "per unit" : "per " + d.coding();
        };
    }

    /** Label with its effect unit: "Pars defect gap, widest (per mm)". */
    public String displayName(String name) {
        String unit = effectUnit(name);
        return label(name) + (unit.isEmpty() ? "" : " (" + unit + ")");
    }

    /** Columns with role PREDICTOR, in order. */
    public List<PredictorDef> predictors() {
        return entries.stream().filter(d -> d.role() == ColumnRole.PREDICTOR).toList();
    }

    public Map<String, Integer> indexMap() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) m.put(entries.get(i).name(), i);
        return m;
    }

    /** The dictionary as aligned text, one line per column. */
    public String format() {
        int w = entries.stream().mapToInt(d -> d.name().length()).max().orElse(4);
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-" + w + "s  %-10s  %-11s  %-9s  %s%n", "name", "type", "role", "roll-up", "definition [coding]"));
        for (PredictorDef d : entries) {
            b.append(String.format("%-" + w + "s  %-10s  %-11s  %-9s  %s [%s]%n", d.name(), d.type().label(), d.role().label(),
                    d.rollUp().label(), d.definition(), d.coding()));
        }
        return b.toString();
    }
}
