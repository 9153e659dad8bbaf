package org.parsreader.scoring.cohort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.analysis.UnivariableResult;

/**
 * How {@link CohortGenerator#SAMPLE_SEED} was chosen (not a test): prints the margins of the
 * first seeds. {@code java -cp ... org.parsreader.scoring.cohort.CohortSeedSearch 1 50}
 */
public final class CohortSeedSearch {
    private CohortSeedSearch() { }

    public static void main(String[] args) throws Exception {
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        for (long seed = from; seed <= to; seed++) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("search.tmp", System.getProperty("java.io.tmpdir"))), "cohort");
            CohortGenerator.write(CohortGenerator.generate(CohortGenerator.SAMPLE_PATIENTS, seed), dir);
            ScoringRun.Result r = ScoringRun.run(ScoreRequest.of(dir, dir.resolve("outcomes.csv")));
            if (args.length < 3 || fits(r)) System.out.println(summary(seed, r));
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Margins like the paper's: success 40-44 % / 52-58 %, BME OR 5.5-10 / 1.8-3.5 (p < 0.05), every contrast p >= 0.1 (R1), >= 0.05 (R2). */
    static boolean fits(ScoringRun.Result r) {
        double s15 = r.timePoints().get(0).counts().successRate();
        double s1m = r.timePoints().get(1).counts().successRate();
        if (s15 < 0.40 || s15 > 0.44 || s1m < 0.52 || s1m > 0.58) return false;
        for (String reader : List.of("R1", "R2")) {
            for (String t : List.of("15min", "1month")) {
                List<UnivariableResult> res = r.results(reader, t);
                UnivariableResult bme = res.stream().filter(u -> u.predictor().equals("bme_isthmic_any")).findFirst().orElseThrow();
                if (bme.pLr() >= 0.05) return false;
                if (reader.equals("R1") && (t.equals("15min") ? bme.oddsRatio() < 5.5 || bme.oddsRatio() > 10 : bme.oddsRatio() < 1.8 || bme.oddsRatio() > 3.5)) return false;
                double min = res.stream().filter(u -> u.predictor().startsWith("contrast_") && u.fitted()
                        && !u.predictor().equals("contrast_intravascular_any")).mapToDouble(UnivariableResult::pLr).min().orElse(1);
                if (min < (reader.equals("R1") ? 0.1 : 0.05)) return false;
            }
        }
        return true;
    }

    static String summary(long seed, ScoringRun.Result r) {
        StringBuilder b = new StringBuilder("seed " + seed);
        b.append(String.format(" nrs %.2f %.2f %.2f", r.outcomes().meanNrs("0"), r.outcomes().meanNrs("15min"), r.outcomes().meanNrs("1month")));
        for (var tp : r.timePoints()) b.append(String.format(" succ_%s %.1f%%", tp.timePoint(), 100 * tp.counts().successRate()));
        for (String reader : List.of("R1", "R2")) {
            for (String t : List.of("15min", "1month")) {
                List<UnivariableResult> res = r.results(reader, t);
                UnivariableResult bme = res.stream().filter(u -> u.predictor().equals("bme_isthmic_any")).findFirst().orElseThrow();
                double minContrast = res.stream().filter(u -> u.predictor().startsWith("contrast_") && u.fitted()
                        && !u.predictor().equals("contrast_intravascular_any")).mapToDouble(UnivariableResult::pLr).min().orElse(1);
                UnivariableResult iv = res.stream().filter(u -> u.predictor().equals("contrast_intravascular_any")).findFirst().orElseThrow();
                b.append(String.format(" | %s %s bmeOR %.2f p %.4f minContrastP %.3f iv %s p %.3f", reader, t, bme.oddsRatio(), bme.pLr(), minContrast,
                        iv.method(), iv.pLr()));
            }
        }
        return b.toString();
    }
}
