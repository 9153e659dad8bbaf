package org.parsreader.scoring.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Distribution functions against R (pnorm, qnorm, pchisq, pf, qf), to 1e-10 relative (observed: 4e-12, at df = 10000). */
class DistributionsTest {
    static final RReference REF = RReference.load("/scoring/distribution-reference.csv");

    @Test
    void equalR() {
        int count = 0;
        for (var e : REF.values.entrySet()) {
            String[] k = e.getKey().split("\\|", -1);
            double expected = Double.parseDouble(e.getValue());
            double x = Double.parseDouble(k[3]);
            String[] df = k[2].split(",");
            double actual = switch (k[1]) {
                case "pnorm" -> Distributions.normalCdf(x);
                case "qnorm" -> Distributions.normalQuantile(x);
                case "pchisq_upper" -> Distributions.chiSquareSf(x, Double.parseDouble(df[0]));
                case "pf_upper" -> Distributions.fSf(x, Double.parseDouble(df[0]), Double.parseDouble(df[1]));
                case "qf" -> Distributions.fQuantile(x, Double.parseDouble(df[0]), Double.parseDouble(df[1]));
                default -> throw new AssertionError(k[1]);
            };
            // relative: tail probabilities down to 1e-16 must be right in their own scale
            double rel = Math.abs(actual - expected) / (expected == 0 ? 1 : Math.abs(expected));
            REF.check(e.getKey(), 0, rel, 1e-10);
            count++;
        }
        assertEquals(36, count);
        assertEquals(3.841458820694124, Distributions.chiSquare1Quantile(0.95), 1e-14);
        assertEquals(1.959963984540054, Distributions.normalQuantile(0.975), 1e-15);
        assertEquals(0.5 * Math.log(Math.PI), Distributions.logGamma(0.5), 1e-15);
        assertEquals(Math.log(362880), Distributions.logGamma(10), 1e-13);
    }

    @AfterAll
    static void report() {
        System.out.println("distributions vs R (relative): " + REF.summary());
    }
}
