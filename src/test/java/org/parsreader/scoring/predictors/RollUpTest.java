package org.parsreader.scoring.predictors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/** Roll-up rules on small findings documents whose answers are worked out by hand. */
class RollUpTest {
    static final ReadingTemplate T = ReadingTemplate.builtIn("pars-injection");
    static final PredictorExtractor X = new PredictorExtractor(T);
    static final Side L = Side.LEFT;
    static final Side R = Side.RIGHT;

    static FindingsDocument doc(FindingValue... values) {
        return new FindingsDocument(1, "P1", List.of(), new FindingsDocument.Reader("R1", Role.R1),
                new FindingsDocument.TemplateRef("pars-injection", "1.0.0"), Instant.EPOCH, Instant.EPOCH, List.of(values),
                List.of(), List.of(), null);
    }

    static FindingValue v(String finding, String level, Side side, Object value) {
        Value val = value instanceof Boolean b ? new Value.Flag(b) : value instanceof Number n ? new Value.Number(n.doubleValue())
                : value instanceof List<?> l ? new Value.Choices(l.stream().map(Object::toString).toList()) : new Value.Choice(value.toString());
        return new FindingValue(finding, level, side, val, null);
    }

    static double get(PredictorExtractor.Extracted e, String name) {
        List<String> names = X.predictors().stream().map(PredictorDef::name).toList();
        return e.values()[names.indexOf(name)];
    }

    @Test
    void anInjectateRecordedAtALevelMarksItInjected() {
        // pars-injection 1.1.0: the drug given at L4 left says L4 was injected, though no needle tip was recorded
        PredictorExtractor.Extracted e = X.extract(doc(v("bme_isthmic", "L4", L, true), v("bme_isthmic", "L5", L, false),
                v("injectate_steroid", "L4", L, "triamcinolone"), v("injectate_volume_ml", "L4", L, 1.5)), "a");
        assertThat(e.injectedLevels()).containsExactly("L4");
        assertThat(e.levelAssumed()).isFalse();
        assertThat(get(e, "bme_isthmic_any")).isEqualTo(1.0);
        assertThat(get(e, "contrast_total_ml")).isNaN(); // the injectate is no contrast
    }

    @Test
    void injectedLevelsDecideWhatIsRolledUp() {
        // edema at L4 (not injected) must not count; L5 injected on the left only
        PredictorExtractor.Extracted e = X.extract(doc(
                v("bme_isthmic", "L4", L, true), v("bme_isthmic", "L5", L, false), v("bme_isthmic", "L5", R, false),
                v("needle_tip", "L5", L, "intra-defect"), v("contrast_compartments", "L5", L, List.of("pars_defect"))), "a");
        assertThat(e.injectedLevels()).containsExactly("L5");
        assertThat(e.levelAssumed()).isFalse();
        assertThat(get(e, "bme_isthmic_any")).isEqualTo(0.0);
        // no injection recorded: L5 assumed, and the L4 edema still does not count
        PredictorExtractor.Extracted n = X.extract(doc(v("bme_isthmic", "L4", L, true), v("hollenberg", "L5", R, "4")), "b");
        assertThat(n.levelAssumed()).isTrue();
        assertThat(get(n, "bme_isthmic_any")).isNaN();
        assertThat(get(n, "hollenberg_max")).isEqualTo(4.0);
        assertThat(get(n, "contrast_pars_defect_any")).isNaN();
        assertThat(get(n, "contrast_total_ml")).isNaN();
    }

    @Test
    void anyBilateralAndMissingStaysMissing() {
        PredictorExtractor.Extracted one = X.extract(doc(v("bme_isthmic", "L5", L, true)), "a");
        assertThat(get(one, "bme_isthmic_any")).isEqualTo(1.0);
        assertThat(get(one, "bme_isthmic_bilateral")).as("right side unknown").isNaN();
        PredictorExtractor.Extracted no = X.extract(doc(v("bme_isthmic", "L5", L, false)), "a");
        assertThat(get(no, "bme_isthmic_any")).isEqualTo(0.0);
        assertThat(get(no, "bme_isthmic_bilateral")).as("one side negative: not bilateral").isEqualTo(0.0);
        PredictorExtractor.Extracted both = X.extract(doc(v("bme_isthmic", "L5", L, true), v("bme_isthmic", "L5", R, true)), "a");
        assertThat(get(both, "bme_isthmic_bilateral")).isEqualTo(1.0);
        PredictorExtractor.Extracted none = X.extract(doc(), "a");
        for (double d : none.values()) assertThat(d).isNaN();
    }

    @Test
    void worstMaxRatioAndSegmentFindings() {
        PredictorExtractor.Extracted e = X.extract(doc(
                v("hollenberg", "L5", L, "3"), v("hollenberg", "L5", R, "2"),
                v("ct_stage", "L5", L, "early"), v("ct_stage", "L5", R, "terminal"),
                v("pars_defect", "L5", L, "incomplete"),
                v("gap_width_mm", "L5", L, 1.5), v("gap_width_mm", "L5", R, 3.25),
                v("bme_roi_mean", "L5", L, 300), v("bme_ref_mean", "L5", L, 100),
                v("bme_roi_mean", "L5", R, 150), v("bme_ref_mean", "L5", R, 100), v("bme_roi_mean", "L4", R, 900), v("bme_ref_mean", "L4", R, 100),
                v("slip_pct", "L5", null, 12.5), v("slip_pct", "L4", null, 40), v("meyerding", "L5", null, "I"),
                v("pfirrmann", "L5", null, "4"), v("modic", "L5", null, "0"),
                v("facet_weishaupt", "L5", L, "1"), v("facet_weishaupt", "L5", R, "2"), v("foraminal_lee", "L5", R, "3")), "a");
        assertThat(get(e, "hollenberg_max")).isEqualTo(3.0);
        assertThat(get(e, "hollenberg_active")).isEqualTo(1.0);
        assertThat(get(e, "ct_stage_worst")).isEqualTo(3.0);               // terminal = 3
        assertThat(get(e, "pars_defect_worst")).isEqualTo(1.0);            // incomplete = 1
        assertThat(get(e, "defect_width_max_mm")).isEqualTo(3.25);
        assertThat(get(e, "bme_ratio_max")).isCloseTo(5.0, within(1e-14));  // 10 x (300-100)/(300+100), in tenths; L4 not injected
        assertThat(get(e, "slip_pct")).isEqualTo(12.5);
        assertThat(get(e, "meyerding_grade")).isEqualTo(1.0);
        assertThat(get(e, "pfirrmann_index")).isEqualTo(4.0);
        assertThat(get(e, "modic_any")).isEqualTo(0.0);
        assertThat(get(e, "facet_oa_max")).isEqualTo(2.0);
        assertThat(get(e, "foraminal_max")).isEqualTo(3.0);
    }

    @Test
    void contrastCompartmentsCountAndVolume() {
        PredictorExtractor.Extracted e = X.extract(doc(
                v("needle_tip", "L5", L, "peri-defect"), v("needle_tip", "L5", R, "intra-defect"),
                v("contrast_compartments", "L5", L, List.of("pars_defect", "caudal_facet")),
                v("contrast_compartments", "L5", R, List.of("pars_defect", "retrodural_okada", "caudal_facet")),
                v("contrast_volume_ml", "L5", L, 0.4), v("contrast_volume_ml", "L5", R, 0.35)), "a");
        assertThat(get(e, "needle_intradefect_any")).isEqualTo(1.0);
        assertThat(get(e, "contrast_pars_defect_any")).isEqualTo(1.0);
        assertThat(get(e, "contrast_retrodural_okada_any")).isEqualTo(1.0);
        assertThat(get(e, "contrast_intravascular_any")).isEqualTo(0.0);
        assertThat(get(e, "contrast_intradefect_bilateral")).isEqualTo(1.0);
        assertThat(get(e, "contrast_n_compartments")).isEqualTo(3.0);
        assertThat(get(e, "contrast_total_ml")).isCloseTo(0.75, within(1e-15));
        // the right injection has no volume: the total is unknown, not 0.4
        PredictorExtractor.Extracted part = X.extract(doc(
                v("contrast_compartments", "L5", L, List.of("pars_defect")), v("needle_tip", "L5", R, "other"),
                v("contrast_volume_ml", "L5", L, 0.4)), "a");
        assertThat(get(part, "contrast_total_ml")).isNaN();
        assertThat(get(part, "contrast_intradefect_bilateral")).as("right compartments unknown").isNaN();
    }

    @Test
    void twoInjectedLevelsAndMeasurementsFallBack() {
        List<FindingsDocument.Measurement> m = List.of(new FindingsDocument.Measurement("gap_width_mm", "L4", Side.RIGHT, 4.0, "mm",
                new FindingsDocument.Provenance(null, "1.2", "line-length", "test", Instant.EPOCH, null)));
        FindingsDocument d = doc(v("needle_tip", "L4", R, "intra-defect"), v("needle_tip", "L5", L, "intra-defect"),
                v("gap_width_mm", "L5", L, 2.0), v("bme_isthmic", "L4", R, true), v("bme_isthmic", "L4", L, true));
        d = new FindingsDocument(1, "P1", List.of(), d.reader(), d.template(), Instant.EPOCH, Instant.EPOCH, d.values(), List.of(), m, null);
        PredictorExtractor.Extracted e = X.extract(d, "a");
        assertThat(e.injectedLevels()).containsExactly("L4", "L5");
        assertThat(get(e, "defect_width_max_mm")).isEqualTo(4.0);
        assertThat(get(e, "bme_isthmic_bilateral")).isEqualTo(1.0);
    }

    @Test
    void valuesOutsideTheTemplateNameFileAndPlace() {
        assertThatThrownBy(() -> X.extract(doc(v("hollenberg", "L5", L, "7")), "P9/findings/R1.findings.json"))
                .isInstanceOf(PredictorException.class)
                .hasMessage("P9/findings/R1.findings.json: hollenberg at L5 left: '7' is not a value of the template's choice hollenberg [0, 1, 2, 3, 4]");
    }

    @Test
    void dictionaryCoversEveryColumnAndTheSampleCaseRollsUp() throws Exception {
        DataDictionary dict = DataDictionary.parsInjection(T, List.of("15min", "1month"));
        List<String> names = new ArrayList<>();
        dict.entries().forEach(d -> {
            names.add(d.name());
            assertThat(d.definition()).isNotBlank();
            assertThat(d.coding()).isNotBlank();
        });
        assertThat(names).doesNotHaveDuplicates().contains("bme_isthmic_any", "bme_isthmic_bilateral", "bme_ratio_max", "hollenberg_max",
                "hollenberg_active", "ct_stage_worst", "defect_width_max_mm", "slip_pct", "meyerding_grade", "pfirrmann_index", "modic_any",
                "facet_oa_max", "foraminal_max", "contrast_intradefect_bilateral", "contrast_n_compartments", "contrast_total_ml", "age", "sex",
                "nrs_baseline", "ppr_15min", "success_15min", "ppr_1month", "success_1month");
        for (String c : T.finding("contrast_compartments").orElseThrow().values()) assertThat(names).contains("contrast_" + c + "_any");
        for (PredictorDef p : X.predictors()) assertThat(names).contains(p.name());
        assertThat(dict.format()).contains("bme_isthmic_any").contains("binary").contains("bilateral");

        Path f = Path.of("sample-data/case-001/findings/R1.findings.json");
        PredictorExtractor.Extracted e = X.extract(FindingsJson.read(Files.readAllBytes(f), f.toString()), f.toString());
        assertThat(get(e, "bme_isthmic_any")).isEqualTo(1.0);
        assertThat(get(e, "bme_isthmic_bilateral")).isEqualTo(0.0);
        assertThat(get(e, "contrast_caudal_facet_any")).isEqualTo(1.0);
        assertThat(get(e, "contrast_total_ml")).isEqualTo(0.42);
    }
}
