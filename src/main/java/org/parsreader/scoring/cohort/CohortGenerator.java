package org.parsreader.scoring.cohort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/**
 * A simulated pars injection cohort: findings of two readers and outcomes, drawn from one
 * seeded generator so the same seed gives the same bytes. Margins are modelled on Kajdi et
 * al. (Eur Radiol 2025): NRS about 5.7 / 3.7 / 3.2 at baseline / 15 min / 1 month; success
 * (PPR >= 50 %) 24 % without and 69 % with isthmic edema at 15 min (OR about 7), 46 % and 68 %
 * at 1 month (OR about 2.5); contrast spread independent of the outcome, except that
 * intravascular contrast is given to a few 15-min failures only (a rare compartment that
 * separates the outcome, for Firth's method). Reader 2 is reader 1 with disagreements: flipped
 * yes/no items, grades one step off, measurement noise, a compartment more or less, a few
 * values not recorded.
 *
 * <pre>{@code
 * CohortGenerator.Cohort c = CohortGenerator.generate(134, CohortGenerator.SAMPLE_SEED);
 * CohortGenerator.write(c, Path.of("sample-data/cohort"));
 * }</pre>
 */
public final class CohortGenerator {
    /** The seed of {@code sample-data/cohort}: the first of seeds 1-400 whose margins resemble the paper (CohortSeedSearch in the tests). */
    public static final long SAMPLE_SEED = 40;
    public static final int SAMPLE_PATIENTS = 134;
    static final Instant TIME = Instant.parse("2025-01-15T10:00:00Z");
    static final FindingsDocument.TemplateRef TEMPLATE = new FindingsDocument.TemplateRef("pars-injection", "1.0.0");
    static final String[] COMPARTMENTS = {"pars_defect", "cranial_facet", "caudal_facet", "retrodural_okada", "contralateral_pars",
        "contralateral_facet", "dorsal_epidural", "ventral_epidural", "neural_foramen", "interspinous", "paraspinal_soft_tissue"};
    static final double[] COMPARTMENT_P = {0.70, 0.30, 0.40, 0.20, 0.10, 0.06, 0.08, 0.04, 0.10, 0.05, 0.25};
    static final int INTRAVASCULAR_PATIENTS = 4;

    private CohortGenerator() { }

    /** Both readers' documents (same order) and the outcomes CSV text. */
    public record Cohort(List<FindingsDocument> reader1, List<FindingsDocument> reader2, String outcomesCsv) { }

    public static Cohort generate(int patients, long seed) {
        Random rnd = new Random(seed);
        String fmt = "P%0" + Math.max(3, String.valueOf(patients).length()) + "d";
        List<List<FindingValue>> values = new ArrayList<>();
        List<Boolean> failure15 = new ArrayList<>();
        // the columns of issue 15 (leg and back pain, ODI, intervening interventions, guidance) come from a generator of their own,
        // so every earlier column (and so every predictor and reference value) is unchanged
        Random more = new Random(seed * 1_000_003L + 15);
        StringBuilder csv = new StringBuilder("pseudonym,age,sex,nrs_0,nrs_15min,nrs_1month,gpe_1month,ctdivol_mgy,dlp_mgycm,procedure_min,"
                + SeriesColumns.HEADER + "\n");
        for (int i = 0; i < patients; i++) {
            boolean bme = rnd.nextDouble() < 0.40;
            values.add(PatientFindings.draw(rnd, bme));
            int nrs0 = (int) Math.max(2, Math.min(10, Math.round(5.7 + 1.6 * rnd.nextGaussian())));
            boolean s15 = rnd.nextDouble() < (bme ? 0.69 : 0.24);
            boolean s1m = rnd.nextDouble() < (bme ? 0.68 : 0.46);
            failure15.add(!s15);
            int n15 = followUp(rnd, nrs0, s15);
            int n1m = followUp(rnd, nrs0, s1m);
            boolean lost = rnd.nextDouble() < 0.02;
            boolean gpe = rnd.nextDouble() < (s1m ? 0.9 : 0.2);
            long age = Math.max(18, Math.min(85, Math.round(47 + 14 * rnd.nextGaussian())));
            String sex = rnd.nextDouble() < 0.55 ? "F" : "M";
            double ctdi = 3 + 5 * rnd.nextDouble();
            double dlp = ctdi * (8 + 7 * rnd.nextDouble());
            int minutes = 15 + rnd.nextInt(31);
            csv.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%d,%s,%s,%.1f,%.1f,%d,%s%n", String.format(fmt, i + 1), age, sex, nrs0, n15,
                    lost ? "" : Integer.toString(n1m), lost ? "" : gpe ? "positive" : "negative", ctdi, dlp, minutes,
                    SeriesColumns.draw(more, nrs0, s15, s1m, lost)));
        }
        // the rare compartment: intravascular contrast in a few 15-min failures only
        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < patients; i++) if (failure15.get(i)) failures.add(i);
        int rare = Math.max(INTRAVASCULAR_PATIENTS, patients * INTRAVASCULAR_PATIENTS / SAMPLE_PATIENTS);
        for (int k = 0; k < rare && !failures.isEmpty(); k++) {
            int i = failures.remove(rnd.nextInt(failures.size()));
            values.set(i, PatientFindings.addCompartment(values.get(i), "intravascular"));
        }
        List<FindingsDocument> r1 = new ArrayList<>();
        List<FindingsDocument> r2 = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            String pseudonym = String.format(fmt, i + 1);
            r1.add(doc(pseudonym, "R1", Role.R1, values.get(i)));
            r2.add(doc(pseudonym, "R2", Role.R2, SecondReader.perturb(rnd, values.get(i))));
        }
        return new Cohort(r1, r2, csv.toString());
    }

    /** NRS at follow-up: PPR >= 50 % for a success, below 50 % (possibly worse than before) for a failure. */
    static int followUp(Random rnd, int nrs0, boolean success) {
        if (success) return (int) Math.floor(nrs0 * (0.3 + 0.2 * rnd.nextDouble()));
        int v = (int) Math.round(nrs0 * (0.6 + 0.6 * rnd.nextDouble()));
        return Math.min(10, Math.max(nrs0 / 2 + 1, v));
    }

    static FindingsDocument doc(String pseudonym, String reader, Role role, List<FindingValue> values) {
        return new FindingsDocument(FindingsDocument.SCHEMA_VERSION, pseudonym, List.of(), new FindingsDocument.Reader(reader, role), TEMPLATE,
                TIME, TIME, values, List.of(), List.of(), null);
    }

    /** Writes {@code <dir>/<pseudonym>/findings/R1.findings.json}, R2, {@code outcomes.csv} and a README. */
    public static void write(Cohort c, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (List<FindingsDocument> reader : List.of(c.reader1(), c.reader2())) {
            for (FindingsDocument d : reader) {
                Path f = dir.resolve(d.pseudonym()).resolve("findings").resolve(d.reader().id() + ".findings.json");
                Files.createDirectories(f.getParent());
                Files.write(f, FindingsJson.write(d));
            }
        }
        Files.writeString(dir.resolve("outcomes.csv"), c.outcomesCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), readme(c.reader1().size()), StandardCharsets.UTF_8);
    }

    static String readme(int n) {
        return "# Simulated cohort (" + n + " patients)\n\n"
                + "Written by `java -jar Pars_Reader.jar generate-cohort DIR` (class `org.parsreader.scoring.cohort.CohortGenerator`,"
                + " seed " + SAMPLE_SEED + "); a test checks that these files equal the generator's output.\n"
                + "Not real patients. Findings of two readers per patient (`<pseudonym>/findings/R1.findings.json`, `R2`) and\n"
                + "`outcomes.csv` (NRS at baseline, 15 min and 1 month; GPE at 1 month; age, sex, dose, procedure time; leg and back NRS,\n"
                + "ODI at baseline and 1 month, another intervention by 1 month, guidance CT or fluoroscopy).\n\n"
                + "Margins modelled on Kajdi et al., Eur Radiol 2025: success (PPR >= 50 %) about 42 % at 15 min and 55 % at 1 month;\n"
                + "isthmic bone-marrow edema a strong predictor; contrast spread none, except intravascular contrast, given to a few\n"
                + "15-min failures only so that it separates the outcome (Firth's method is used for it).\n\n"
                + "```\njava -jar Pars_Reader.jar score --findings sample-data/cohort --outcomes sample-data/cohort/outcomes.csv --out results\n"
                + "java -jar Pars_Reader.jar score --findings sample-data/cohort --outcomes sample-data/cohort/outcomes.csv --out results-leg"
                + " --rule 'drop:2@leg_nrs+gpe+no-intervention' --linear ppr,change@odi --group guidance\n"
                + "java -jar Pars_Reader.jar agreement --findings sample-data/cohort --out results\n```\n";
    }

    static FindingValue fv(String finding, String level, Side side, Value v) {
        return new FindingValue(finding, level, side, v, null);
    }
}
