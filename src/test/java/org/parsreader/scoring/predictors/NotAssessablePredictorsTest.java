package org.parsreader.scoring.predictors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parsreader.scoring.predictors.RollUpTest.L;
import static org.parsreader.scoring.predictors.RollUpTest.R;
import static org.parsreader.scoring.predictors.RollUpTest.X;
import static org.parsreader.scoring.predictors.RollUpTest.doc;
import static org.parsreader.scoring.predictors.RollUpTest.get;
import static org.parsreader.scoring.predictors.RollUpTest.v;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/** Issue 14, point 5: predictors treat "not assessable" as missing, and say how often it was the reason. */
class NotAssessablePredictorsTest {
    static FindingValue na(String finding, String level, Side side, String reason) {
        return new FindingValue(finding, level, side, new Value.NotAssessable(reason), null);
    }

    static boolean naOf(PredictorExtractor.Extracted e, String name) {
        return e.notAssessable()[X.predictors().stream().map(PredictorDef::name).toList().indexOf(name)];
    }

    @Test
    void notAssessableIsMissingNeverZeroAndIsFlagged() {
        PredictorExtractor.Extracted e = X.extract(doc(
                na("pars_defect", "L5", L, "motion"), na("pars_defect", "L5", R, "motion"),
                na("bme_isthmic", "L5", L, "artefact"), v("bme_isthmic", "L5", R, true),
                na("pfirrmann", "L5", null, "not_in_field_of_view"),
                na("needle_tip", "L5", L, "not_in_field_of_view")), "a");
        assertThat(e.injectedLevels()).containsExactly("L5"); // a tip not seen still places the injection
        assertThat(e.levelAssumed()).isFalse();
        assertThat(get(e, "pars_defect_worst")).isNaN();
        assertThat(naOf(e, "pars_defect_worst")).isTrue();
        assertThat(get(e, "pfirrmann_index")).isNaN();
        assertThat(naOf(e, "pfirrmann_index")).isTrue();
        assertThat(get(e, "needle_intradefect_any")).isNaN();
        assertThat(naOf(e, "needle_intradefect_any")).isTrue();
        // one side not assessable, the other positive: known (1), not counted as not assessable
        assertThat(get(e, "bme_isthmic_any")).isEqualTo(1.0);
        assertThat(naOf(e, "bme_isthmic_any")).isFalse();
        // bilateral needs both sides: unknown, because of the not-assessable left side
        assertThat(get(e, "bme_isthmic_bilateral")).isNaN();
        assertThat(naOf(e, "bme_isthmic_bilateral")).isTrue();
        // merely missing is missing, not "not assessable"
        assertThat(get(e, "meyerding_grade")).isNaN();
        assertThat(naOf(e, "meyerding_grade")).isFalse();
    }

    @Test
    void notAssessableAtALevelNotRolledUpDoesNotCount() {
        PredictorExtractor.Extracted e = X.extract(doc(na("pars_defect", "L4", L, "motion"), v("needle_tip", "L5", L, "intra-defect")), "a");
        assertThat(get(e, "pars_defect_worst")).isNaN();
        assertThat(naOf(e, "pars_defect_worst")).isFalse();
    }

    @Test
    void theTableCountsPerReaderAndPredictor() {
        FindingsDocument r1a = doc(na("pars_defect", "L5", L, "motion"), v("needle_tip", "L5", L, "intra-defect"));
        FindingsDocument r1b = withPseudonym(doc(na("pars_defect", "L5", L, "artefact"), na("hollenberg", "L5", L, "motion")), "P2");
        FindingsDocument r2 = withReader(doc(v("pars_defect", "L5", L, "complete")), "R2", Role.R2);
        FindingsCohort cohort = new FindingsCohort(List.of(new FindingsCohort.Entry(Path.of("P1/findings/R1.findings.json"), r1a),
                new FindingsCohort.Entry(Path.of("P2/findings/R1.findings.json"), r1b),
                new FindingsCohort.Entry(Path.of("P1/findings/R2.findings.json"), r2)), List.of());
        PredictorTable t = PredictorTable.build(cohort, null, List.of(), RollUpTest.T);
        assertThat(t.notAssessable("R1", "pars_defect_worst")).isEqualTo(2);
        assertThat(t.notAssessable("R1", "hollenberg_max")).isEqualTo(1);
        assertThat(t.notAssessable("R2", "pars_defect_worst")).isZero();
        assertThat(t.column("pars_defect_worst", "R1")).containsOnly(Double.NaN);

    }

    static FindingsDocument withPseudonym(FindingsDocument d, String p) {
        return new FindingsDocument(1, p, List.of(), d.reader(), d.template(), Instant.EPOCH, Instant.EPOCH, d.values(), List.of(), List.of(), null);
    }

    static FindingsDocument withReader(FindingsDocument d, String id, Role role) {
        return new FindingsDocument(1, d.pseudonym(), List.of(), new FindingsDocument.Reader(id, role), d.template(), Instant.EPOCH, Instant.EPOCH,
                d.values(), List.of(), List.of(), null);
    }
}
