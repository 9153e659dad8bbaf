package org.parsreader.scoring.predictors;

import java.util.Map;

/**
 * Human-readable names and domains of the predictor columns, for figures and reports
 * ({@link DataDictionary#label}, {@link DataDictionary#domain}). A column not listed here keeps its
 * column name as label and falls in {@link Domain#OTHER}, so a new predictor shows up, unnamed,
 * rather than disappearing.
 */
final class PredictorLabels {
    record Label(String text, Domain domain) {}

    private static final Map<String, Label> LABELS = Map.ofEntries(
            Map.entry("bme_isthmic_any", new Label("Isthmic bone-marrow edema, either side", Domain.MRI)),
            Map.entry("bme_isthmic_bilateral", new Label("Isthmic bone-marrow edema, both sides", Domain.MRI)),
            Map.entry("bme_ratio_max", new Label("Edema contrast ratio, largest", Domain.MRI)),
            Map.entry("hollenberg_max", new Label("Hollenberg grade, highest", Domain.MRI)),
            Map.entry("hollenberg_active", new Label("Hollenberg grade 3 (active)", Domain.MRI)),
            Map.entry("pfirrmann_index", new Label("Pfirrmann grade of the disc below", Domain.MRI)),
            Map.entry("modic_any", new Label("Modic change below", Domain.MRI)),
            Map.entry("facet_oa_max", new Label("Facet arthropathy (Weishaupt), highest", Domain.MRI)),
            Map.entry("foraminal_max", new Label("Foraminal stenosis (Lee), highest", Domain.MRI)),
            Map.entry("pars_defect_worst", new Label("Pars defect, worst", Domain.CT)),
            Map.entry("ct_stage_worst", new Label("CT stage, most advanced", Domain.CT)),
            Map.entry("defect_width_max_mm", new Label("Pars defect gap, widest", Domain.CT)),
            Map.entry("slip_pct", new Label("Listhesis", Domain.CT)),
            Map.entry("meyerding_grade", new Label("Meyerding grade", Domain.CT)),
            Map.entry("needle_intradefect_any", new Label("Needle tip in the defect", Domain.INJECTION)),
            Map.entry("contrast_intradefect_bilateral", new Label("Contrast in the defect, both sides", Domain.INJECTION)),
            Map.entry("contrast_n_compartments", new Label("Compartments reached", Domain.INJECTION)),
            Map.entry("contrast_total_ml", new Label("Contrast volume, total", Domain.INJECTION)),
            Map.entry("age", new Label("Age", Domain.PATIENT)),
            Map.entry("sex", new Label("Female sex", Domain.PATIENT)),
            Map.entry("nrs_baseline", new Label("Baseline pain (NRS)", Domain.PATIENT)),
            Map.entry("ctdivol_mgy", new Label("CTDIvol", Domain.CT)),
            Map.entry("dlp_mgycm", new Label("Dose-length product", Domain.CT)),
            Map.entry("procedure_min", new Label("Procedure time", Domain.INJECTION)));

    /** Effect units where the dictionary's coding does not read as one ("per 0.1 CR", not "per 10 x CR (-10..10)"). */
    static final Map<String, String> UNITS = Map.of(
            "bme_ratio_max", "per 0.1 CR",
            "nrs_baseline", "per NRS point",
            "contrast_n_compartments", "per compartment",
            "age", "per year",
            "sex", "female vs male");

    private PredictorLabels() { }

    static Label of(String column) {
        Label l = LABELS.get(column);
        if (l != null) return l;
        if (column.startsWith("contrast_") && column.endsWith("_any")) {
            String where = column.substring("contrast_".length(), column.length() - "_any".length()).replace('_', ' ');
            return new Label("Contrast reached " + where, Domain.INJECTION);
        }
        return new Label(column, Domain.OTHER);
    }
}
