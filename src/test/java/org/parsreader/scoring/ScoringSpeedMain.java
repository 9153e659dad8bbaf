package org.parsreader.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.parsreader.scoring.analysis.UnivariableAnalysis;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.cohort.CohortGenerator;
import org.parsreader.scoring.predictors.ColumnRole;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.predictors.PredictorType;
import org.parsreader.scoring.predictors.RollUp;
import org.parsreader.scoring.stats.CohenKappa;
import org.parsreader.scoring.stats.FitOptions;
import org.parsreader.scoring.stats.Icc;

/**
 * Speed of the scoring module (not a test; issue 6 point 7): (a) 10,000 patients x 40
 * predictors, every univariable model as {@code score} fits it (ML + LR test, separation
 * check) plus kappa/ICC for 40 items; (b) the whole {@code score} and {@code agreement} runs
 * on a simulated 10,000-patient cohort (20,000 findings files) in one warm JVM.
 * {@code java -cp target-score/classes:target-score/test-classes:$(deps) org.parsreader.scoring.ScoringSpeedMain [DIR]}
 */
public final class ScoringSpeedMain {
    private ScoringSpeedMain() { }

    public static void main(String[] args) throws Exception {
        int n = 10_000;
        int p = 40;
        Random rnd = new Random(42);
        double[][] x = new double[p][n];
        double[] y = new double[n];
        for (int j = 0; j < p; j++) for (int i = 0; i < n; i++) x[j][i] = j % 2 == 0 ? (rnd.nextDouble() < 0.3 ? 1 : 0) : rnd.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(-0.2 + 0.8 * x[0][i] + 0.3 * x[1][i]))) ? 1 : 0;
        int[][] r1 = new int[p][n];
        int[][] r2 = new int[p][n];
        double[][] c2 = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                r1[j][i] = rnd.nextInt(5);
                r2[j][i] = rnd.nextDouble() < 0.7 ? r1[j][i] : rnd.nextInt(5);
                c2[j][i] = x[1][i] + 0.3 * rnd.nextGaussian();
            }
        }
        for (int round = 0; round < 4; round++) {
            long t0 = System.nanoTime();
            List<UnivariableResult> res = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                PredictorDef d = new PredictorDef("x" + j, j % 2 == 0 ? PredictorType.BINARY : PredictorType.CONTINUOUS, ColumnRole.PREDICTOR,
                        RollUp.MAX, "synthetic", "-", List.of());
                res.add(UnivariableAnalysis.fit("R1", "t", d, x[j], y, FitOptions.DEFAULT));
            }
            long t1 = System.nanoTime();
            double sum = 0;
            for (int j = 0; j < p; j++) sum += CohenKappa.of(r1[j], r2[j]).quadratic().kappa() + Icc.icc21(x[1], c2[j]).icc();
            long t2 = System.nanoTime();
            System.out.printf("(a) round %d: 40 univariable models (ML + LR + separation check) %.0f ms; kappa/weighted kappa + ICC, 40 items %.0f ms;"
                    + " total %.0f ms [%d fitted, %.3f]%n", round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6,
                    res.stream().filter(UnivariableResult::fitted).count(), sum);
        }
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("cohort10k");
        if (!Files.exists(dir.resolve("outcomes.csv"))) CohortGenerator.write(CohortGenerator.generate(n, 42), dir);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            ScoringRun.Result r = ScoringRun.run(ScoreRequest.of(dir, dir.resolve("outcomes.csv")));
            long t1 = System.nanoTime();
            AgreementRun.Result a = AgreementRun.run(dir, "R1", "R2");
            long t2 = System.nanoTime();
            System.out.printf("(b) round %d: score (read 20,000 findings files, predictors, %d models) %.0f ms; agreement (%d statistics,"
                    + " reading the files again) %.0f ms%n", round, r.results().size(), (t1 - t0) / 1e6, a.rows().size(), (t2 - t1) / 1e6);
        }
    }
}
