package org.parsreader.scoring.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Speed sanity check (not a test): 10,000 patients x 40 predictors, all univariable ML
 * models, one multivariable model, and agreement for 40 items. Run after a test build:
 * {@code java -cp target-stats/classes:target-stats/test-classes org.parsreader.scoring.stats.StatsSpeedMain}
 */
public final class StatsSpeedMain {
    private StatsSpeedMain() { }

    public static void main(String[] args) {
        int n = 10_000;
        int p = 40;
        Random rnd = new Random(42);
        double[][] cols = new double[p][n];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
            for (int i = 0; i < n; i++) cols[j][i] = j % 2 == 0 ? (rnd.nextDouble() < 0.3 ? 1 : 0) : rnd.nextGaussian();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double eta = -0.2 + 0.8 * cols[0][i] + 0.3 * cols[1][i] - 0.4 * cols[2][i];
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        int[][] r1 = new int[p][n];
        int[][] r2 = new int[p][n];
        double[][] c1 = new double[p][n];
        double[][] c2 = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                r1[j][i] = rnd.nextInt(5);
                r2[j][i] = rnd.nextDouble() < 0.7 ? r1[j][i] : rnd.nextInt(5);
                c1[j][i] = rnd.nextGaussian();
                c2[j][i] = c1[j][i] + 0.3 * rnd.nextGaussian();
            }
        }
        Design d = new Design(names, cols);
        for (int round = 0; round < 3; round++) {   // round 0 warms up the JIT
            long t0 = System.nanoTime();
            List<LogisticFit> uni = LogisticRegression.univariable(d, y, FitOptions.DEFAULT);
            long t1 = System.nanoTime();
            List<LogisticFit> uniWald = LogisticRegression.univariable(d, y, FitOptions.DEFAULT.waldOnly());
            long t2 = System.nanoTime();
            LogisticFit multi = LogisticRegression.fit(d, y);
            long t3 = System.nanoTime();
            LogisticFit multiWald = LogisticRegression.fit(d, y, FitOptions.DEFAULT.waldOnly());
            long t4 = System.nanoTime();
            double sum = 0;
            for (int j = 0; j < p; j++) {
                sum += CohenKappa.of(r1[j], r2[j]).quadratic().kappa();
                sum += Icc.icc21(c1[j], c2[j]).icc();
            }
            long t5 = System.nanoTime();
            System.out.printf("round %d: univariable 40 x ML+LR %.0f ms (Wald only %.0f ms); multivariable 40 predictors"
                            + " ML+40 drop-one LR %.0f ms (Wald only %.0f ms); kappa+ICC 40 items %.0f ms;"
                            + " check %.4f %.4f %.3f %d%n", round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                    (t4 - t3) / 1e6, (t5 - t4) / 1e6, uni.get(0).coefficient("x0").estimate(),
                    multi.coefficient("x0").estimate(), sum, uniWald.size() + multiWald.iterations());
        }
    }
}
